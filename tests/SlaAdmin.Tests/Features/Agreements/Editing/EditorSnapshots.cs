using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SlaAdmin.Auth;
using SlaAdmin.Components.Layout;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Agreements.Editing;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Agreements.Editing;

/// <summary>
/// The editors on real seeds, written as standalone HTML pages (with the app's and MudBlazor's styles)
/// to artifacts/editor-snapshots/, for a look in a real browser until the editor page hosts them.
/// </summary>
public class EditorSnapshots : PageTestContext
{
    private static readonly string Root = FindRoot();
    private static readonly string Folder = Directory.CreateDirectory(Path.Combine(Root, "artifacts", "editor-snapshots")).FullName;

    public EditorSnapshots()
    {
        Authorization.SetRoles(Roles.Administrator);
    }

    private async Task<(int Id, AgreementContent Content)> SeedContentAsync(string title)
    {
        var id = AgreementId(title);
        var view = await Services.GetRequiredService<AgreementStore>().LoadAsync(id);
        return (id, view!.Content);
    }

    [Fact]
    public async Task Editors_on_the_seeds_are_written_as_html_pages()
    {
        await SeedAsync();
        var theme = Render<MudThemeProvider>(p => p.Add(x => x.Theme, SlaTheme.Theme)).Markup;

        var (_, certificate) = await SeedContentAsync(Seeded.Certificate);
        var data = RenderPage<DataEditor>(p => p.Add(x => x.Content, certificate)
            .Add(x => x.Problems, [new ContentProblem("داده ردیف ۲", "نوع داده را بنویسید.", certificate.DataRows[1].Clause)]));
        Write("data-editor", theme, data.Markup);

        var (_, approval) = await SeedContentAsync(Seeded.SoftwareApproval);
        var costs = RenderPage<CostsEditor>(p => p.Add(x => x.Content, approval));
        costs.Find("[data-testid=add-fee]").Click();
        costs.FindAll("input[data-testid=fee-amount]")[1].Change("۱۰۰x");
        Write("costs-editor", theme, costs.Markup);

        var freeWithFees = RenderPage<CostsEditor>(p => p.Add(x => x.Content, approval with { IsFree = true }));
        Write("costs-editor-free-with-fees", theme, freeWithFees.Markup);

        var (_, khorasan) = await SeedContentAsync(Seeded.Khorasan);
        Write("validity-editor", theme, RenderPage<ValidityEditor>(p => p.Add(x => x.Content, khorasan)).Markup);
        var (_, approvalValidity) = await SeedContentAsync(Seeded.SoftwareApproval);
        Write("validity-editor-worded", theme, RenderPage<ValidityEditor>(p => p.Add(x => x.Content, approvalValidity)).Markup);

        var (certificateId, _) = await SeedContentAsync(Seeded.Certificate);
        var checklist = Services.GetRequiredService<Checklist>();
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "مریم احمدی"), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));
        var provider = certificate.ObligationsOf(ObligationSide.Provider).ToList();
        await checklist.CheckAsync(certificateId, provider[0].Clause, CheckState.Met, "در بازدید دی ۱۴۰۳ دیده شد", admin);
        await checklist.CheckAsync(certificateId, provider[2].Clause, CheckState.NotMet, null, admin);
        await checklist.CheckAsync(certificateId, provider[3].Clause, CheckState.NotApplicable, "خدمت حضوری ندارد", admin);
        var states = await checklist.LatestAsync(certificateId);
        var section = RenderPage<ObligationsSection>(p => p.Add(x => x.Content, certificate).Add(x => x.AgreementId, certificateId).Add(x => x.Checks, states));
        Write("obligation-checks", theme, section.Markup);

        Assert.Equal(6, Directory.GetFiles(Folder, "*.html").Length);
    }

    private static void Write(string name, string theme, string markup)
    {
        var mud = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages", "mudblazor");
        var mudCss = Directory.GetFiles(mud, "MudBlazor.min.css", SearchOption.AllDirectories).OrderDescending().First();
        var scoped = Path.Combine(Root, "src", "SlaAdmin.Web", "obj", "Debug", "net10.0", "scopedcss", "bundle", "SlaAdmin.Web.styles.css");
        var html = $"""
            <!DOCTYPE html>
            <html lang="fa" dir="rtl">
            <head>
            <meta charset="utf-8" />
            <link rel="stylesheet" href="{new Uri(mudCss)}" />
            <link rel="stylesheet" href="{new Uri(Path.Combine(Root, "wwwroot-assets", "app.css"))}" />
            <link rel="stylesheet" href="{new Uri(scoped)}" />
            </head>
            <body class="mud-application-layout-rtl">
            {theme}
            <div class="mud-main-content" style="padding: 24px; max-width: 1200px; background: var(--mud-palette-surface)">
            {markup}
            </div>
            </body>
            </html>
            """;
        File.WriteAllText(Path.Combine(Folder, name + ".html"), html);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SlaAdmin.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SlaAdmin.sln not found above the test assembly.");
    }
}
