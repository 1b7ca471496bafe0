using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SlaAdmin.Components.Shared;
using SlaAdmin.Hosting;

namespace SlaAdmin.Tests.Exports;

public sealed class ExportButtonTests : BunitContext
{
    private const string Url = "/export/obligations.xlsx";
    private readonly JSRuntimeInvocationHandler<ExportButton.DownloadResult> _download;

    public ExportButtonTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        _download = JSInterop.SetupModule("./js/download.js").Setup<ExportButton.DownloadResult>("download", _ => true);
    }

    private IRenderedComponent<ExportButton> RenderButton() =>
        Render<ExportButton>(p => p.Add(b => b.Url, Url).Add(b => b.Text, "تعهدات همه توافقنامه‌ها"));

    private static string Snackbars(ISnackbar snackbar) => string.Join("|", snackbar.ShownSnackbars.Select(s => s.Message));

    [Fact]
    public void Renders_an_enabled_button_with_its_text_and_no_progress()
    {
        var cut = RenderButton();

        var button = cut.Find("button");
        Assert.Contains("تعهدات همه توافقنامه‌ها", button.TextContent, StringComparison.Ordinal);
        Assert.False(button.HasAttribute("disabled"));
        Assert.Empty(cut.FindAll(".mud-progress-linear"));
    }

    [Fact]
    public void While_the_file_arrives_the_button_is_disabled_and_shows_kilobytes_received()
    {
        var cut = RenderButton();

        cut.Find("button").Click();

        Assert.True(cut.Find("button").HasAttribute("disabled"));
        Assert.NotEmpty(cut.FindAll(".mud-progress-linear"));
        Assert.Equal(Url, _download.Invocations.Single().Arguments[0]);

        cut.InvokeAsync(() => cut.Instance.Progress(1536 * 1024));
        cut.WaitForAssertion(() => Assert.Contains("۱٬۵۳۶ کیلوبایت", cut.Find(".export-progress").TextContent, StringComparison.Ordinal));

        _download.SetResult(new ExportButton.DownloadResult(true, 200, null));
        cut.WaitForAssertion(() => Assert.False(cut.Find("button").HasAttribute("disabled")));
        Assert.Empty(cut.FindAll(".mud-progress-linear"));
    }

    [Fact]
    public void A_second_click_while_running_starts_no_second_download()
    {
        var cut = RenderButton();

        cut.Find("button").Click();
        cut.Find("button").Click();

        Assert.Single(_download.Invocations);
    }

    [Fact]
    public void The_servers_persian_error_is_shown_in_a_snackbar()
    {
        var cut = RenderButton();
        var snackbar = Services.GetRequiredService<ISnackbar>();

        cut.Find("button").Click();
        _download.SetResult(new ExportButton.DownloadResult(false, 400, "وضعیت «Closed» شناخته نیست."));

        cut.WaitForAssertion(() => Assert.Equal("وضعیت «Closed» شناخته نیست.", Snackbars(snackbar)));
        Assert.False(cut.Find("button").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(422)]
    public void A_busy_server_or_an_agreement_over_the_limits_is_explained_in_the_servers_words(int status)
    {
        var cut = RenderButton();
        var snackbar = Services.GetRequiredService<ISnackbar>();

        cut.Find("button").Click();
        _download.SetResult(new ExportButton.DownloadResult(false, status, ExportConcurrency.BusyMessage));

        cut.WaitForAssertion(() => Assert.Equal(ExportConcurrency.BusyMessage, Snackbars(snackbar)));
        Assert.False(cut.Find("button").HasAttribute("disabled"));
    }

    [Fact]
    public void An_ended_session_is_explained_in_persian()
    {
        var cut = RenderButton();
        var snackbar = Services.GetRequiredService<ISnackbar>();

        cut.Find("button").Click();
        _download.SetResult(new ExportButton.DownloadResult(false, 401, null));

        cut.WaitForAssertion(() => Assert.Equal("نشست شما به پایان رسیده است؛ دوباره وارد شوید.", Snackbars(snackbar)));
    }

    [Theory]
    [InlineData(0, "ارتباط با سرور برقرار نشد")]
    [InlineData(403, "اجازهٔ دریافت این فایل را ندارید.")]
    [InlineData(500, "(کد ۵۰۰)")]
    [InlineData(400, "درخواست فایل درست نیست.")]
    public void Every_failure_gets_a_persian_message(int status, string expected) =>
        Assert.Contains(expected, ExportButton.ErrorMessage(status, null), StringComparison.Ordinal);
}
