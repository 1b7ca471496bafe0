using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Catalogue;

namespace SlaAdmin.Tests.Features.Catalogue;

public class CatalogueQueryStringTests
{
    [Fact]
    public void A_view_written_to_the_url_reads_back_the_same()
    {
        var view = new CatalogueView(new CatalogueFilter("گواهی سلامت", 7, ServiceStatus.Planned, CatalogueSort.ValidUntil, true, 90, Expired: true), 3, 50);

        var query = CatalogueQueryString.From(view);

        Assert.Equal(view, CatalogueQueryString.ParseView(query));
    }

    [Fact]
    public void Defaults_are_left_out_of_the_url()
    {
        Assert.Equal("", CatalogueQueryString.From(new CatalogueView(new CatalogueFilter())));
        Assert.Equal("?q=a", CatalogueQueryString.From(new CatalogueFilter("a")));
    }

    [Fact]
    public void Numbers_too_large_to_mean_anything_do_not_reach_the_query()
    {
        var view = CatalogueQueryString.ParseView("?expiring=5000000&page=100000000");

        Assert.Null(view.Filter.ExpiringWithinDays); // today + 5,000,000 days is past DateOnly's range
        Assert.True((long)(view.Page - 1) * view.Size < int.MaxValue); // the SQL offset cannot overflow
    }

    [Fact]
    public void Values_that_cannot_be_read_are_ignored()
    {
        var view = CatalogueQueryString.ParseView("?provider=abc&status=7&sort=Nope&page=-2&size=13&expiring=۹۰");

        Assert.Equal(new CatalogueView(new CatalogueFilter(ExpiringWithinDays: 90)), view);
    }
}
