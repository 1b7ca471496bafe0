using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Components.Account.Shared;

namespace SlaAdmin.Tests.Auth;

public sealed class RedirectToLoginTests : BunitContext
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void Stranger_is_sent_to_sign_in_with_the_page_to_come_back_to()
    {
        AddAuthorization();
        Navigation.NavigateTo("admin/users?page=2");

        Render<RedirectToLogin>();

        Assert.Equal("http://localhost/Account/Login?ReturnUrl=%2Fadmin%2Fusers%3Fpage%3D2", Navigation.Uri);
    }

    [Fact]
    public void Signed_in_person_without_the_role_is_told_so_instead_of_being_asked_to_sign_in_again()
    {
        AddAuthorization().SetAuthorized("viewer").SetRoles("Viewer");
        Navigation.NavigateTo("admin/users");

        Render<RedirectToLogin>();

        Assert.Equal("http://localhost/Account/AccessDenied", Navigation.Uri);
    }
}
