using Bunit;
using SlaAdmin.Auth;
using SlaAdmin.Components.Layout;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Layout;

public class NavMenuTests : PageTestContext
{
    [Fact]
    public void Administrators_see_users_and_excel_import()
    {
        Authorization.SetRoles(Roles.Administrator);

        var menu = RenderPage<NavMenu>();

        var links = menu.FindAll("a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Contains(("/admin/users", "کاربران"), links);
        Assert.Contains(("/agreements/import", "ورود از اکسل"), links);
        Assert.Contains(("/catalogue", "فهرست خدمات"), links);
    }

    [Fact]
    public void Viewers_see_only_home_the_catalogue_and_the_clause_library()
    {
        Authorization.SetRoles(Roles.Viewer);

        var menu = RenderPage<NavMenu>();

        Assert.Equal(["/", "/catalogue", "/library"], menu.FindAll("a").Select(a => a.GetAttribute("href")));
    }
}
