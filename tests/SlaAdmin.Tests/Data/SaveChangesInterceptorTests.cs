using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data.Entities;
using SlaAdmin.Tests.Seeds;

using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Data;

public sealed class SaveChangesInterceptorTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.SeedAsync();

    [Fact]
    public async Task Editing_one_obligation_alone_renews_its_agreement_version_stamp()
    {
        var (versionId, stampBefore) = await FirstVersionAsync();

        await using (var db = _database.CreateDbContext())
        {
            var obligation = await db.Obligations.FirstAsync(o => o.AgreementVersionId == versionId);
            obligation.Text += " (ویرایش)";
            await db.SaveChangesAsync();
        }

        Assert.NotEqual(stampBefore, (await FirstVersionAsync()).Stamp);
    }

    [Fact]
    public async Task Deleting_a_data_row_makes_a_stale_editor_fail_instead_of_overwriting()
    {
        await using var stale = _database.CreateDbContext();
        var staleVersion = await stale.AgreementVersions.Include(v => v.DataRows).FirstAsync(v => v.DataRows.Count > 0);

        await using (var db = _database.CreateDbContext())
        {
            db.DataRows.Remove(await db.DataRows.FirstAsync(r => r.AgreementVersionId == staleVersion.Id));
            await db.SaveChangesAsync();
        }

        staleVersion.Signatory = "ویرایش همزمان";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
    }

    [Fact]
    public async Task Stored_text_gets_persian_letters_and_a_folded_search_column_but_the_iban_is_kept_as_typed()
    {
        await using (var db = _database.CreateDbContext())
        {
            var service = await db.Services.FirstAsync();
            service.Title = "خدمت آزمايشي كد";
            var payment = await db.PaymentMechanisms.FirstAsync();
            payment.Iban = " ir54 0100 ";
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateDbContext();
        var saved = await check.Services.SingleAsync(s => s.Title == "خدمت آزمایشی کد");
        Assert.DoesNotContain('ي', saved.Title);
        Assert.Contains("آزمایشی کد", saved.SearchText, StringComparison.Ordinal);
        Assert.Equal(" ir54 0100 ", (await check.PaymentMechanisms.FirstAsync()).Iban);
    }

    [Fact]
    public async Task A_very_long_recipients_description_is_saved_whole_and_the_search_column_stays_within_its_size()
    {
        var description = string.Concat(Enumerable.Repeat("شرکت‌ها و اشخاص حقیقی توسعه‌دهنده نرم‌افزار، ", 60));
        await using (var db = _database.CreateDbContext())
        {
            (await db.Services.FirstAsync()).RecipientsDescription = description;
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateDbContext();
        var saved = await check.Services.FirstAsync(s => s.RecipientsDescription!.Length > 1200);
        Assert.Equal(description.Trim(), saved.RecipientsDescription);
        Assert.InRange(saved.SearchText.Length, 1, 1200);
        Assert.StartsWith(SlaAdmin.Persian.PersianText.Fold(saved.Title), saved.SearchText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_service_with_the_same_title_is_refused_even_when_typed_with_arabic_yeh()
    {
        await using var db = _database.CreateDbContext();
        var provider = await db.Organizations.FirstAsync();
        db.Services.Add(new EService { Title = "صدور گواهي احراز اصالت و سلامت اداری", ProviderId = provider.Id });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private async Task<(int Id, Guid Stamp)> FirstVersionAsync()
    {
        await using var db = _database.CreateDbContext();
        var version = await db.AgreementVersions.OrderBy(v => v.Id).FirstAsync();
        return (version.Id, version.ConcurrencyStamp);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }
}
