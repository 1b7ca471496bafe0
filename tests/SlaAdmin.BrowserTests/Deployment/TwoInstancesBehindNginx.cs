using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Playwright;

namespace SlaAdmin.BrowserTests.Deployment;

/// <summary>
/// The deployment of docs/deploy.md as a person meets it: two instances on one PostgreSQL behind
/// nginx, reached over https. Each browser stays on one instance; what one instance saves, the other shows.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed partial class TwoInstancesBehindNginx(ProxiedInstances setup) : IClassFixture<ProxiedInstances>
{
    /// <summary>How long a page may take to become interactive (its circuit) with two instances and a browser on two cores.</summary>
    private const float CircuitStart = 30_000;

    [Fact]
    public async Task An_administrator_signs_in_through_the_proxy_edits_a_service_on_one_instance_and_sees_it_on_the_other()
    {
        var first = await setup.BrowserOnAsync(setup.Instances[0]);
        var circuits = new List<IWebSocket>();
        first.WebSocket += (_, socket) => circuits.Add(socket);
        await SignInAsync(first);

        // The editor works only through the circuit, whose WebSocket goes through nginx.
        var definition = $"تعریف ثبت‌شده از نمونهٔ اول {Guid.NewGuid():N}"[..40];
        await OpenEditorAsync(first, "/services/1/edit");
        await first.GetByTestId("definition").FillAsync(definition);
        await first.GetByTestId("definition").PressAsync("Tab");
        await first.GetByTestId("save").ClickAsync();
        await first.WaitForURLAsync(ServicePage());
        await AppServer.ScreenshotAsync(first, "deploy-01-saved-on-instance-1");
        Assert.Contains(circuits, socket => socket.Url.StartsWith($"wss://{setup.BaseAddress.Authority}/_blazor", StringComparison.Ordinal));

        var second = await setup.BrowserOnAsync(setup.Instances[1]);
        await SignInAsync(second);
        await OpenEditorAsync(second, "/services/1/edit");
        await Assertions.Expect(second.GetByTestId("definition")).ToHaveValueAsync(definition, new() { Timeout = CircuitStart });
        await AppServer.ScreenshotAsync(second, "deploy-02-seen-on-instance-2");

        // Every request of each browser, the circuits' WebSocket upgrades included, went to its own instance.
        var (firstRoute, secondRoute) = (await ProxiedInstances.RouteOfAsync(first), await ProxiedInstances.RouteOfAsync(second));
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
        static bool Circuit(ProxiedInstances.Served line) => line.Request.StartsWith("GET /_blazor?id=", StringComparison.Ordinal) && line.Status == "101";
        Assert.Contains(await setup.ServedAsync(firstRoute, Circuit), Circuit);
        Assert.Contains(await setup.ServedAsync(secondRoute, Circuit), Circuit);
        Assert.Equal(setup.Instances[0], await setup.InstanceOfAsync(firstRoute));
        Assert.Equal(setup.Instances[1], await setup.InstanceOfAsync(secondRoute));
    }

    /// <summary>
    /// The import contract of issue 10 part 2: a previewed workbook gets its own address
    /// (/agreements/import/{token}) that shows the stored preview and applies it, on any instance, for the
    /// same user.
    /// </summary>
    [Fact]
    public async Task A_workbook_previewed_on_one_instance_is_applied_on_the_other()
    {
        var first = await setup.BrowserOnAsync(setup.Instances[0]);
        await SignInAsync(first);
        // The agreement's workbook, fetched by the browser through the proxy with its session.
        var workbookBase64 = await first.EvaluateAsync<string>("""
            async () => {
                const response = await fetch('/export/agreements/1.xlsx');
                if (!response.ok) throw new Error('export answered ' + response.status);
                const bytes = new Uint8Array(await response.arrayBuffer());
                let text = '';
                for (const b of bytes) text += String.fromCharCode(b);
                return btoa(text);
            }
            """);
        var path = Path.Combine(AppServer.ArtifactsFolder, "deploy-agreement-1.xlsx");
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(workbookBase64));
        using (var workbook = new XLWorkbook(path))
        {
            var cell = workbook.Worksheet("تعهدات").Table(0).DataRange.Cell(1, 3);
            cell.Value = cell.GetString() + " (بازبینی از راه نمونهٔ دیگر)";
            workbook.Save();
        }

        await first.GotoAsync("/agreements/import");
        await AppServer.ChooseWorkbookAsync(first, path);
        await first.GetByTestId("import-apply").WaitForAsync(new() { Timeout = 60_000 });
        await AppServer.ScreenshotAsync(first, "deploy-03-preview-on-instance-1");
        // The stored preview's own address.
        await first.WaitForURLAsync(StoredPreview(), new() { Timeout = 10_000 });
        var preview = first.Url;

        var second = await setup.BrowserOnAsync(setup.Instances[1]);
        await SignInAsync(second);
        await second.GotoAsync(preview);
        // The picker is enabled only once the circuit is live; a click on the prerendered page goes nowhere.
        await Assertions.Expect(second.Locator("input[type=file]").First).ToBeEnabledAsync(new() { Timeout = CircuitStart });
        await AppServer.ScreenshotAsync(second, "deploy-04-preview-opened-on-instance-2");
        await second.GetByTestId("import-apply").ClickAsync();
        try
        {
            // Writing the version takes seconds on a busy two-core machine («در حال نوشتن…» meanwhile).
            await Assertions.Expect(second.GetByTestId("import-outcome")).ToContainTextAsync("نسخه ۲", new() { Timeout = 60_000 });
        }
        finally
        {
            await AppServer.ScreenshotAsync(second, "deploy-05-applied-on-instance-2");
        }
        Assert.Equal(setup.Instances[1], await setup.InstanceOfAsync(await ProxiedInstances.RouteOfAsync(second)));
    }

    private Task SignInAsync(IPage page) => AppServer.SignInAsync(page, setup.AdminUser, setup.AdminPassword);

    private static async Task OpenEditorAsync(IPage page, string address)
    {
        await page.GotoAsync(address);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await Assertions.Expect(page.GetByTestId("save")).ToBeEnabledAsync(new() { Timeout = CircuitStart });
    }

    [GeneratedRegex(@"/services/\d+$")]
    private static partial Regex ServicePage();

    [GeneratedRegex(@"/agreements/import/[0-9a-fA-F-]{36}$")]
    private static partial Regex StoredPreview();
}
