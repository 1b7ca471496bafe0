using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Data.Seeds;
using SlaAdmin.Features.Review;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Review;

public class LibraryPageTests : PageTestContext
{
    public LibraryPageTests() => Services.AddScoped<ClauseLibrary>();

    [Fact]
    public async Task Each_clause_lists_the_agreements_that_use_it_same_or_drifted_with_the_drift_marked()
    {
        await SeedAsync();
        await using (var db = NewDbContext()) await SeedLibrary.EnsureSeededAsync(db, CancellationToken.None);

        var page = RenderPage<LibraryPage>();

        page.WaitForAssertion(() => Assert.Equal(15, page.FindAll("[data-testid=library-clause]").Count));
        var always = page.FindAll("[data-testid=library-clause]").Single(c => c.TextContent.Contains("دسترس‌پذیری ۷*۲۴", StringComparison.Ordinal));
        var uses = always.QuerySelectorAll("[data-testid=use]");
        Assert.Equal(4, uses.Length);
        Assert.Single(uses, u => u.QuerySelector("[data-testid=same]") is not null && u.TextContent.Contains(Seeded.Certificate, StringComparison.Ordinal));
        Assert.All(uses.Where(u => u.QuerySelector("[data-testid=drifted]") is not null),
            u => Assert.NotEmpty(u.QuerySelectorAll("del, ins")));
    }
}
