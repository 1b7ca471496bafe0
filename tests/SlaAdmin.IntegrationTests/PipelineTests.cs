using System.Net;

namespace SlaAdmin.IntegrationTests;

public sealed class PipelineTests : IDisposable
{
    private readonly SlaAppFactory _app = new();

    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        var response = await _app.CreateClient(role: null).GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_request_is_sent_to_sign_in()
    {
        var response = await _app.CreateClient(role: null).GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_answers_404_with_the_persian_not_found_page()
    {
        var response = await _app.CreateClient("Viewer").GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("صفحه‌ای که می‌خواستید پیدا نشد", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();
}
