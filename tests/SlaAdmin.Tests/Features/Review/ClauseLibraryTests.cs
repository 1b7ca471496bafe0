using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data.Entities;
using SlaAdmin.Data.Seeds;
using SlaAdmin.Features.Review;
using SlaAdmin.Tests.TestSupport;
using SlaAdmin.Features.Agreements;

namespace SlaAdmin.Tests.Features.Review;

public sealed class ClauseLibraryTests : IDisposable
{
    private readonly TestDatabase database = new();

    private async Task<IReadOnlyList<LibraryEntry>> ListAsync()
    {
        await database.SeedAsync();
        await using (var db = database.CreateDbContext()) await SeedLibrary.EnsureSeededAsync(db, CancellationToken.None);
        return await new ClauseLibrary(database).ListAsync();
    }

    private static LibraryEntry Clause(IReadOnlyList<LibraryEntry> library, string title) => library.Single(e => e.Title == title);

    private static Dictionary<string, bool> SameBy(LibraryEntry entry) => entry.Uses.ToDictionary(u => u.ServiceTitle, u => u.Same);

    [Fact]
    public async Task The_library_is_seeded_once_with_every_standard_clause()
    {
        await ListAsync();
        await using var db = database.CreateDbContext();
        await SeedLibrary.EnsureSeededAsync(db, CancellationToken.None);

        Assert.Equal(StandardClauses.Library.Select(c => c.Title), await db.LibraryClauses.OrderBy(c => c.Id).Select(c => c.Title).ToListAsync());
    }

    [Fact]
    public async Task The_dispute_resolution_clause_is_used_word_for_word_by_000_002_and_003()
    {
        var dispute = Clause(await ListAsync(), "مذاکره، سپس شکایت از میز خدمت و کمیته");

        Assert.Equal(new Dictionary<string, bool> { [Seeded.Certificate] = true, [Seeded.SoftwareApproval] = true, [Seeded.ExchangeCentre] = true }, SameBy(dispute));
    }

    [Fact]
    public async Task The_24x7_obligation_is_the_same_in_000_and_drifted_where_the_seeds_reword_it()
    {
        var always = Clause(await ListAsync(), "دسترس‌پذیری ۷*۲۴ و اطلاع‌رسانی قطعی");

        Assert.Equal(new Dictionary<string, bool>
        {
            [Seeded.Certificate] = true, [Seeded.SmartServices] = false, [Seeded.SoftwareApproval] = false, [Seeded.ExchangeCentre] = false,
        }, SameBy(always));
        var drifted = always.Uses.Single(u => u.ServiceTitle == Seeded.SmartServices);
        Assert.InRange(drifted.Similarity, ClauseLibrary.DriftThreshold, 0.99);
        Assert.Contains(drifted.Words, w => w.Change != WordChange.Same);
    }

    [Fact]
    public async Task A_drifted_copy_is_compared_with_the_standard_text_filled_with_the_agreements_own_names()
    {
        var documents = Clause(await ListAsync(), "دریافت تنها مدارک اعلام‌شده");

        var use = documents.Uses.Single(u => u.ServiceTitle == Seeded.SoftwareApproval);
        Assert.False(use.Same);
        Assert.DoesNotContain(use.Words, w => w.Text.Contains(StandardClauses.Service, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Khorasans_own_wording_uses_no_library_clause()
    {
        var library = await ListAsync();

        Assert.DoesNotContain(library.SelectMany(e => e.Uses), u => u.ServiceTitle == Seeded.Khorasan);
    }

    [Fact]
    public void A_clause_below_the_threshold_is_not_a_use()
    {
        var clause = new LibraryClause { Kind = LibraryClauseKind.ProviderObligation, Title = "t", Text = "سازمان متعهد می‌شود پاسخ را ظرف سه روز بدهد" };
        var content = new AgreementContent
        {
            ServiceTitle = "خدمت", ProviderName = "سازمان",
            Obligations = [new ObligationLine(Guid.NewGuid(), ObligationSide.Provider, 1, "متقاضی باید مدارک را کامل کند", null)],
        };

        Assert.Null(ClauseLibrary.UseIn(clause, new AgreementVersion { Number = 1 }, content));
    }

    public void Dispose() => database.Dispose();
}
