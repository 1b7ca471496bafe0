using SlaAdmin.Auth;

namespace SlaAdmin.Tests.Auth;

public class LocalRedirectTests
{
    [Theory]
    [InlineData("/catalogue?q=1", "/catalogue?q=1")]
    [InlineData("/agreements/3", "/agreements/3")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/\t/evil.example/", "/")] // browsers drop the tab and read //evil.example
    [InlineData("/\r\n/evil.example/", "/")]
    [InlineData(null, "/")]
    [InlineData("/catalogue?q=گواهی", "/catalogue?q=%DA%AF%D9%88%D8%A7%D9%87%DB%8C")]
    [InlineData("/%D8%A8", "/%D8%A8")]
    [InlineData("/catalogue?q=a b", "/catalogue?q=a%20b")]
    [InlineData("/ /evil.example/", "/%20/evil.example/")]
    public void Only_addresses_on_this_site_are_followed_after_sign_in(string? returnUrl, string expected) =>
        Assert.Equal(expected, AccountEndpoints.LocalOrRoot(returnUrl));
}
