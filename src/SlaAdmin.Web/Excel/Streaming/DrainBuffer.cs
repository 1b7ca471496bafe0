namespace SlaAdmin.Excel.Streaming;

/// <summary>
/// Where the zip archive writes, synchronously, between drains. The writer empties it into the real
/// output with asynchronous writes (the HTTP response allows no synchronous ones), so what is held in
/// memory is at most one drain's worth, whatever the number of rows.
/// </summary>
internal sealed class DrainBuffer : Stream
{
    private readonly MemoryStream _pending = new();

    public long Pending => _pending.Length;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);
    public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);
    public override void WriteByte(byte value) => _pending.WriteByte(value);

    // The archive flushes its own buffers into us; nothing leaves until DrainAsync.
    public override void Flush() { }

    public async Task DrainAsync(Stream output, CancellationToken cancellationToken)
    {
        if (_pending.Length == 0) return;
        await output.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
        await output.FlushAsync(cancellationToken);
        _pending.SetLength(0);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _pending.Dispose();
        base.Dispose(disposing);
    }
}
