// Downloads a URL with fetch, telling .NET how many bytes have arrived, then saves the file under
// the name the server gave (Content-Disposition, filename* first). Never throws: the result says.
export async function download(url, fallbackName, dotnet) {
    let response;
    try {
        response = await fetch(url, { credentials: 'same-origin', redirect: 'manual' });
    } catch {
        return { ok: false, status: 0, message: null };
    }
    // A redirect here is the sign-in page: the session has ended.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        return { ok: false, status: 401, message: null };
    }
    if (!response.ok) return { ok: false, status: response.status, message: await problemDetail(response) };

    const chunks = [];
    let received = 0;
    let reportedAt = 0;
    try {
        const reader = response.body.getReader();
        for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            chunks.push(value);
            received += value.length;
            if (performance.now() - reportedAt > 250) {
                reportedAt = performance.now();
                dotnet.invokeMethodAsync('Progress', received);
            }
        }
    } catch {
        return { ok: false, status: 0, message: null };
    }

    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }));
    link.download = fileName(response.headers.get('Content-Disposition')) ?? fallbackName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    return { ok: true, status: response.status, message: null };
}

export function fileName(disposition) {
    if (!disposition) return null;
    const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
    if (star) {
        try { return decodeURIComponent(star[1].trim()); } catch { /* fall back to the plain name */ }
    }
    const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
    return plain ? plain[1].trim() : null;
}

async function problemDetail(response) {
    try {
        const body = await response.json();
        return typeof body.detail === 'string' ? body.detail : null;
    } catch {
        return null;
    }
}
