using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data.Entities;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Data;

public sealed class SaveChangesInterceptorTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.SeedAsync();

    [Fact]
    public async Task Editing_one_obligation_of_a_draft_alone_renews_the_drafts_stamp()
    {
        var draftId = await Drafts.StartAsync(_database, await AgreementIdAsync(Seeded.Certificate));
        var stampBefore = await StampAsync(draftId);

        await using (var db = _database.CreateDbContext())
        {
            var obligation = await db.Obligations.FirstAsync(o => o.AgreementVersionId == draftId);
            obligation.Text += " (ویرایش)";
            await db.SaveChangesAsync();
        }

        Assert.NotEqual(stampBefore, await StampAsync(draftId));
    }

    [Fact]
    public async Task Deleting_a_data_row_of_a_draft_makes_a_stale_editor_fail_instead_of_overwriting()
    {
        var draftId = await Drafts.StartAsync(_database, await AgreementIdAsync(Seeded.Certificate));
        await using var stale = _database.CreateDbContext();
        var staleVersion = await stale.AgreementVersions.Include(v => v.DataRows).SingleAsync(v => v.Id == draftId);
        Assert.NotEmpty(staleVersion.DataRows);

        await using (var db = _database.CreateDbContext())
        {
            db.DataRows.Remove(await db.DataRows.FirstAsync(r => r.AgreementVersionId == draftId));
            await db.SaveChangesAsync();
        }

        staleVersion.Signatory = "ویرایش همزمان";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
    }

    [Fact]
    public async Task Stored_text_gets_persian_letters_and_a_folded_search_column_but_the_iban_is_kept_as_typed()
    {
        var draftId = await Drafts.StartAsync(_database, await AgreementIdAsync(Seeded.SoftwareApproval));
        await using (var db = _database.CreateDbContext())
        {
            var service = await db.Services.FirstAsync();
            service.Title = "خدمت آزمايشي كد";
            var payment = await db.PaymentMechanisms.SingleAsync(p => p.AgreementVersionId == draftId);
            payment.Iban = " ir54 0100 ";
            payment.AccountOwnerName = "وزارت اقتصاد و امور دارايي";
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateDbContext();
        var saved = await check.Services.SingleAsync(s => s.Title == "خدمت آزمایشی کد");
        Assert.DoesNotContain('ي', saved.Title);
        Assert.Contains("آزمایشی کد", saved.SearchText, StringComparison.Ordinal);
        var savedPayment = await check.PaymentMechanisms.SingleAsync(p => p.AgreementVersionId == draftId);
        Assert.Equal(" ir54 0100 ", savedPayment.Iban);
        Assert.Equal("وزارت اقتصاد و امور دارایی", savedPayment.AccountOwnerName);
    }

    [Fact]
    public async Task The_search_column_holds_the_title_national_id_and_provider_unit_folded()
    {
        await using (var db = _database.CreateDbContext())
        {
            var service = await db.Services.SingleAsync(s => s.Title == Seeded.ExchangeCentre);
            service.NationalId = "12345678901";
            service.ProviderUnit = "مرکز ملي تبادل اطلاعات";
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateDbContext();
        var saved = await check.Services.SingleAsync(s => s.Title == Seeded.ExchangeCentre);
        Assert.Equal("مرکز ملی تبادل اطلاعات", saved.ProviderUnit);
        Assert.StartsWith(SlaAdmin.Persian.PersianText.Fold(saved.Title), saved.SearchText, StringComparison.Ordinal);
        Assert.Contains("12345678901", saved.SearchText, StringComparison.Ordinal);
        Assert.Contains(SlaAdmin.Persian.PersianText.Fold("مرکز ملی تبادل اطلاعات"), saved.SearchText, StringComparison.Ordinal);
        Assert.InRange(saved.SearchText.Length, 1, 1200);
    }

    [Fact]
    public async Task Saving_a_service_renews_its_concurrency_stamp()
    {
        Guid before;
        await using (var db = _database.CreateDbContext())
        {
            var service = await db.Services.SingleAsync(s => s.Title == Seeded.Khorasan);
            before = service.ConcurrencyStamp;
            service.Definition = "خدمات الکترونیکی استانداری";
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateDbContext();
        Assert.NotEqual(before, (await check.Services.SingleAsync(s => s.Title == Seeded.Khorasan)).ConcurrencyStamp);
    }

    [Fact]
    public async Task A_second_service_with_the_same_title_is_refused_even_when_typed_with_arabic_yeh()
    {
        await using var db = _database.CreateDbContext();
        var provider = await db.Organizations.FirstAsync();
        db.Services.Add(new EService { Title = "صدور گواهي احراز اصالت و سلامت اداری", ProviderId = provider.Id });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private async Task<int> AgreementIdAsync(string title)
    {
        await using var db = _database.CreateDbContext();
        return await db.Agreements.Where(a => a.EService.Title == title).Select(a => a.Id).SingleAsync();
    }

    private async Task<Guid> StampAsync(int versionId)
    {
        await using var db = _database.CreateDbContext();
        return await db.AgreementVersions.Where(v => v.Id == versionId).Select(v => v.ConcurrencyStamp).SingleAsync();
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }
}
