using System.Security.Claims;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Excel;
using SlaAdmin.Features.Agreements.Workbook;
using SlaAdmin.Features.Agreements;

namespace SlaAdmin.IntegrationTests.AgreementWorkbook;

/// <summary>The importer service against the real app and database (seeded with the five agreements).</summary>
public sealed class AgreementWorkbookImportTests : IDisposable
{
    private const string Approval = "صدور تاییدیه فنی نرم‌افزار";
    private const string Certificate = "صدور گواهی احراز اصالت و سلامت اداری";
    private readonly SlaAppFactory _app = new();
    private readonly ClaimsPrincipal _admin;

    public AgreementWorkbookImportTests() => _admin = Principal(Roles.Administrator);

    public static TheoryData<string> SeedTitles() =>
    [
        "صدور گواهی احراز اصالت و سلامت اداری",
        "توسعه و پشتیبانی سامانه‌های ملی ارائه خدمات هوشمند",
        Approval,
        "راهبری دریافت سرویس از مرکز ملی تبادل اطلاعات",
        "توافقنامه سطح خدمات استانداری خراسان جنوبی",
    ];

    [Fact]
    public async Task Only_an_administrator_may_preview_or_apply()
    {
        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(await ExportAsync(Approval)));
        var preview = await PreviewAsync(Edit(await ExportAsync(Approval), wb => Obligation(wb, 2).SetValue("متن تازه")), _admin);
        Assert.True(preview.CanApply);

        foreach (var role in new[] { Roles.Viewer, Roles.LegalReviewer })
        {
            var refused = await Importer().PreviewAsync(parsed, Principal(role));
            Assert.False(refused.CanApply);
            Assert.Equal(AgreementWorkbookImporter.NotAllowedMessage, Assert.Single(refused.Problems).Message);

            var outcome = await Importer().ApplyAsync(preview.Token!.Value, Principal(role));
            Assert.False(outcome.Succeeded);
            Assert.Equal(AgreementWorkbookImporter.NotAllowedMessage, outcome.Message);
        }
        Assert.Equal(1, await VersionCountAsync(Approval));
    }

    [Fact]
    public async Task Update_adds_a_draft_version_numbered_one_more_and_leaves_the_version_in_force_untouched()
    {
        var before = AgreementWorkbookModel.FromVersion(await CurrentAsync(Approval), []);
        var workbook = Edit(await ExportAsync(Approval), wb =>
        {
            Obligation(wb, 2).SetValue("سازمان متعهد می‌شود پاسخ را در دو روز کاری بدهد.");
            // An appendix item needs the appendix section, so both are added.
            var sections = wb.Worksheet("بخش‌ها");
            sections.Cell(sections.LastRowUsed(XLCellsUsedOptions.Contents).RowNumber() + 1, 1).SetValue("پیوست");
            Summary(wb.Worksheet("خلاصه"), "بخش: پیوست").SetValue("دارد");
            var appendix = wb.Worksheet("پیوست");
            appendix.Cell(2, 1).SetValue(1);
            appendix.Cell(2, 2).SetValue("فهرست خدمات");
            var data = wb.Worksheet("داده‌ها");
            data.Row(3).Cells(1, 9).Clear();
        });

        var preview = await PreviewAsync(workbook, _admin);

        Assert.True(preview.CanApply, string.Join("\n", preview.Problems));
        Assert.False(preview.CreatesAgreement);
        Assert.Equal(2, preview.NewVersionNumber);
        var obligations = preview.Parts.Single(p => p.Part == "تعهدات");
        var changed = Assert.Single(obligations.Changed);
        Assert.Equal(before.Content.Obligations[0].Text, changed.Before);
        Assert.Equal("سازمان متعهد می‌شود پاسخ را در دو روز کاری بدهد.", changed.After);
        Assert.Equal((0, 0), (obligations.Added.Count, obligations.Removed.Count));
        Assert.Equal("فهرست خدمات", Assert.Single(preview.Parts.Single(p => p.Part == "پیوست").Added).After);
        var data = preview.Parts.Single(p => p.Part == "داده‌ها");
        Assert.Equal((2, 1, 1), (data.Before, data.After, data.Removed.Count));
        Assert.Single(preview.Parts.Single(p => p.Part == "بخش‌ها").Added);
        Assert.DoesNotContain(preview.Parts.Where(p => p.Part is not ("تعهدات" or "پیوست" or "داده‌ها" or "بخش‌ها")), p => p.HasChanges);

        var outcome = await Importer().ApplyAsync(preview.Token!.Value, _admin);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(2, outcome.VersionNumber);
        await using var db = _app.CreateDbContext();
        var versions = await AgreementStore.WithEverything(db.AgreementVersions).Where(v => v.AgreementId == before.AgreementId).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(AgreementStatus.Published, versions[0].Status);
        Assert.Equal(before.ConcurrencyStamp, versions[0].ConcurrencyStamp);
        Assert.Equal(before.Content, AgreementContent.Of(versions[0]));
        Assert.Equal(AgreementStatus.Draft, versions[1].Status);
        Assert.Equal("test-administrator@example.ir", versions[1].UpdatedBy);
        var after = AgreementContent.Of(versions[1]);
        Assert.Equal("سازمان متعهد می‌شود پاسخ را در دو روز کاری بدهد.", after.Obligations[0].Text);
        Assert.Equal(before.Content.Obligations[0].Clause, after.Obligations[0].Clause);
        Assert.Equal("فهرست خدمات", Assert.Single(after.AppendixItems).Text);
        Assert.Single(after.DataRows);
        Assert.Equal(before.Content.Payments, after.Payments);

        // The draft is not what readers see: the agreement, its store and its export still give version 1 in force.
        var agreement = await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == before.AgreementId);
        Assert.Equal((versions[0].Id, versions[1].Id), (agreement.InForceVersionId, agreement.WorkingVersionId));
        var view = await Store().LoadAsync(before.AgreementId!.Value);
        Assert.Equal((1, 1, 2), (view!.Version.Number, view.InForceNumber, view.Working!.Number));
        var inForceWorkbook = await ExportAsync(Approval);
        using (var wb = new XLWorkbook(new MemoryStream(inForceWorkbook)))
            Assert.Equal("منتشرشده", Summary(wb.Worksheet("خلاصه"), "وضعیت نسخه").GetString());
        var exported = AgreementWorkbookImporter.Parse(new MemoryStream(inForceWorkbook)).Model!;
        Assert.Equal(1, exported.VersionNumber);
        Assert.Equal(before.Content, exported.Content);
        var draft = AgreementWorkbookImporter.Parse(new MemoryStream(await ExportAsync(Approval, version: 2))).Model!;
        Assert.Equal(after, draft.Content);
    }

    [Fact]
    public async Task A_workbook_with_one_bad_row_writes_nothing()
    {
        var counts = await CountsAsync();
        var workbook = Edit(await ExportAsync(Approval), wb =>
        {
            Obligation(wb, 2).SetValue("متن درست و تازه");
            wb.Worksheet("داده‌ها").Cell(2, 5).SetValue("نیمه");
        });

        var preview = await PreviewAsync(workbook, _admin);

        Assert.False(preview.CanApply);
        var error = Assert.Single(preview.Errors);
        Assert.Equal(("داده‌ها", 2, 5), (error.Sheet, error.Row, error.Column));
        Assert.Equal(counts, await CountsAsync());
    }

    /// <summary>A version stored before the limits existed is shown only up to them: a workbook replacing it would drop rows no preview showed.</summary>
    [Fact]
    public async Task A_workbook_of_a_version_stored_over_the_limits_is_refused_and_writes_nothing()
    {
        var workbook = Edit(await ExportAsync(Approval), wb => Obligation(wb, 2).SetValue("متن درست و تازه"));
        var version = await CurrentAsync(Approval);
        await using (var db = _app.CreateDbContext())
        {
            await db.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600)
                INSERT INTO Obligations (AgreementVersionId, ClauseId, "Order", Side, Target, Text)
                SELECT {version.Id}, upper(printf('%08x-0000-4000-8000-%012x', i, i)), 1000 + i, 'Provider', NULL, 'ردیف ' || i FROM n
                """);
        }
        var counts = await CountsAsync();

        var preview = await PreviewAsync(workbook, _admin);

        Assert.False(preview.CanApply);
        var error = Assert.Single(preview.Errors);
        Assert.Contains("بیش از ۵۰۰ ردیف", error.Message);
        Assert.Contains("را نمی‌توان با کارپوشه جایگزین کرد", error.Message);
        Assert.Equal(counts, await CountsAsync());
    }

    [Fact]
    public async Task A_workbook_of_the_version_in_force_is_refused_once_someone_else_started_a_draft()
    {
        var workbook = Edit(await ExportAsync(Approval), wb => Obligation(wb, 2).SetValue("متن تازه"));
        await StartDraftAsync(Approval);

        var preview = await PreviewAsync(workbook, _admin);

        Assert.False(preview.CanApply);
        var error = Assert.Single(preview.Errors);
        Assert.Equal(("خلاصه", 2), (error.Sheet, error.Column));
        Assert.Equal("شماره نسخه", error.RowLabel);
        Assert.Contains("نسخه ۲ این توافقنامه در دست تهیه است", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workbook_of_the_draft_exported_before_someone_else_saved_it_is_refused_at_preview()
    {
        await StartDraftAsync(Approval);
        var workbook = Edit(await ExportAsync(Approval, version: 2), wb => Obligation(wb, 2).SetValue("متن تازه"));
        await ChangeDraftIntroductionAsync(Approval);

        var preview = await PreviewAsync(workbook, _admin);

        var error = Assert.Single(preview.Errors);
        Assert.Equal("مهر نسخه", error.RowLabel);
        Assert.Contains("پس از گرفتن این کارپوشه تغییر کرده است", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_between_preview_and_apply_is_refused_and_writes_nothing()
    {
        var preview = await PreviewAsync(Edit(await ExportAsync(Approval), wb => Obligation(wb, 2).SetValue("متن تازه")), _admin);
        Assert.True(preview.CanApply);
        await StartDraftAsync(Approval);
        var counts = await CountsAsync();

        var outcome = await Importer().ApplyAsync(preview.Token!.Value, _admin);

        Assert.False(outcome.Succeeded);
        Assert.Contains("در دست تهیه است", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(counts, await CountsAsync());
    }

    [Fact]
    public async Task Applying_the_same_preview_twice_writes_once()
    {
        var preview = await PreviewAsync(Edit(await ExportAsync(Approval), wb => Obligation(wb, 2).SetValue("متن تازه")), _admin);

        var outcomes = await Task.WhenAll(
            Importer().ApplyAsync(preview.Token!.Value, _admin),
            Importer().ApplyAsync(preview.Token!.Value, _admin));
        var again = await Importer().ApplyAsync(preview.Token!.Value, _admin);

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Equal(AgreementWorkbookImporter.AlreadyUsedMessage, outcomes.Single(o => !o.Succeeded).Message);
        Assert.False(again.Succeeded);
        Assert.Equal(2, await VersionCountAsync(Approval));
    }

    [Fact]
    public async Task Another_administrator_cannot_apply_my_preview()
    {
        var preview = await PreviewAsync(Edit(await ExportAsync(Approval), wb => Obligation(wb, 2).SetValue("متن تازه")), _admin);
        var other = await OtherAdministratorAsync();

        var outcome = await Importer().ApplyAsync(preview.Token!.Value, other);
        var shown = await Importer().StoredAsync(preview.Token!.Value, other);

        Assert.False(outcome.Succeeded);
        Assert.Equal(PendingImports.OtherUserMessage, outcome.Message);
        Assert.False(shown.CanApply);
        Assert.Equal(PendingImports.OtherUserMessage, Assert.Single(shown.Problems).Message);
        Assert.Equal(1, await VersionCountAsync(Approval));
        Assert.True((await Importer().ApplyAsync(preview.Token!.Value, _admin)).Succeeded);
    }

    [Fact]
    public async Task A_preview_made_on_one_instance_is_shown_and_applied_on_another()
    {
        var preview = await PreviewAsync(Edit(await ExportAsync(Approval), wb => Obligation(wb, 2).SetValue("متن تازه از نمونه نخست")), _admin);
        using var other = new SlaAppFactory { ConnectionString = _app.ConnectionString };
        var importer = other.Services.CreateScope().ServiceProvider.GetRequiredService<AgreementWorkbookImporter>();
        var admin = await TestAuth.PrincipalAsync(other.Services.CreateScope().ServiceProvider, Roles.Administrator);

        var shown = await importer.StoredAsync(preview.Token!.Value, admin);
        var outcome = await importer.ApplyAsync(preview.Token!.Value, admin);

        Assert.True(shown.CanApply);
        Assert.Equal(preview.Token, shown.Token);
        Assert.Equal(preview.NewVersionNumber, shown.NewVersionNumber);
        var changed = Assert.Single(shown.Parts.Single(p => p.Part == "تعهدات").Changed);
        Assert.Equal("متن تازه از نمونه نخست", changed.After);
        Assert.True(outcome.Succeeded, outcome.Message);
        await using var db = _app.CreateDbContext();
        var draft = await db.AgreementVersions.Where(v => v.Agreement.EService.Title == Approval && v.Number == 2).Select(v => v.Id).SingleAsync();
        Assert.True(await db.Obligations.AnyAsync(o => o.Text == "متن تازه از نمونه نخست" && o.AgreementVersionId == draft));
        Assert.False(await db.ImportPreviews.AnyAsync(p => p.Token == preview.Token));
        Assert.Equal(AgreementWorkbookImporter.AlreadyUsedMessage, Assert.Single((await Importer().StoredAsync(preview.Token!.Value, _admin)).Problems).Message);
    }

    [Fact]
    public async Task An_expired_preview_is_refused_and_deleted_when_the_next_is_stored()
    {
        var workbook = Edit(await ExportAsync(Approval), wb => Obligation(wb, 2).SetValue("متن تازه"));
        var preview = await PreviewAsync(workbook, _admin);
        await using (var db = _app.CreateDbContext())
        {
            var stored = await db.ImportPreviews.SingleAsync(p => p.Token == preview.Token);
            Assert.Equal(PendingImports.Lifetime, stored.ExpiresAt - stored.CreatedAt);
            stored.ExpiresAt = DateTime.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }

        var outcome = await Importer().ApplyAsync(preview.Token!.Value, _admin);
        var next = await PreviewAsync(workbook, _admin);

        Assert.False(outcome.Succeeded);
        Assert.Equal(PendingImports.ExpiredMessage, outcome.Message);
        Assert.Equal(1, await VersionCountAsync(Approval));
        await using var after = _app.CreateDbContext();
        Assert.Equal([next.Token!.Value], await after.ImportPreviews.Select(p => p.Token).ToListAsync());
    }

    [Fact]
    public async Task An_unchanged_workbook_has_nothing_to_apply()
    {
        var preview = await PreviewAsync(await ExportAsync(Approval), _admin);

        Assert.False(preview.CanApply);
        Assert.False(preview.HasChanges);
        Assert.Empty(preview.Errors);
        Assert.Contains(preview.Warnings, w => w.Message.Contains("چیزی برای واردکردن نیست", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_filled_template_creates_a_service_an_agreement_and_a_new_provider()
    {
        var template = await (await _app.CreateClient(Roles.Administrator).GetAsync("/export/agreements/template.xlsx")).Content.ReadAsByteArrayAsync();
        var workbook = Edit(template, wb =>
        {
            var summary = wb.Worksheet("خلاصه");
            Summary(summary, "عنوان خدمت").SetValue("صدور پروانه کسب الکترونیکی");
            Summary(summary, "دستگاه ارائه‌دهنده").SetValue("اتاق اصناف ایران");
            Summary(summary, "گروه‌های گیرنده").SetValue("شهروندان");
            Summary(summary, "رایگان").SetValue("بلی");
            Summary(summary, "بخش: تعهدات متقابل خدمت‌گیرنده و دستگاه اجرایی").SetValue("دارد");
            wb.Worksheet("بخش‌ها").Cell(2, 1).SetValue("تعهدات متقابل خدمت‌گیرنده و دستگاه اجرایی");
            var obligations = wb.Worksheet("تعهدات");
            obligations.Cell(2, 1).SetValue("سازمان");
            obligations.Cell(2, 2).SetValue(1);
            obligations.Cell(2, 3).SetValue("=HYPERLINK(\"http://x\")");
        });

        var preview = await PreviewAsync(workbook, _admin);

        Assert.True(preview.CanApply, string.Join("\n", preview.Problems));
        Assert.True(preview.CreatesAgreement);
        var warning = Assert.Single(preview.Warnings);
        Assert.Equal(("خلاصه", "دستگاه ارائه‌دهنده"), (warning.Sheet, warning.RowLabel));
        Assert.Equal(1, preview.Parts.Single(p => p.Part == "تعهدات").After);

        var outcome = await Importer().ApplyAsync(preview.Token!.Value, _admin);

        Assert.True(outcome.Succeeded, outcome.Message);
        var created = (await Store().LoadAsync(outcome.AgreementId!.Value))!;
        Assert.Equal((1, AgreementStatus.Draft, (int?)null), (created.Version.Number, created.Version.Status, created.InForceNumber));
        await using var db = _app.CreateDbContext();
        var service = await db.Services.Include(s => s.Provider).Include(s => s.Recipients).SingleAsync(s => s.Id == created.ServiceId);
        Assert.Equal("اتاق اصناف ایران", service.Provider.Name);
        Assert.Equal(["شهروندان"], service.Recipients.Select(r => r.Name));
        Assert.True(created.Content.IsFree);
        Assert.Equal("=HYPERLINK(\"http://x\")", Assert.Single(created.Content.Obligations).Text);
        await SlaAdmin.IntegrationTests.Catalogue.CatalogueAtScaleTests.AssertStoredObligationCountsAsync(_app);
    }

    [Fact]
    public async Task Unknown_recipient_group_and_a_taken_title_are_reported_against_the_database()
    {
        var workbook = Edit(await ExportAsync(Approval), wb =>
        {
            var summary = wb.Worksheet("خلاصه");
            Summary(summary, "شناسه توافقنامه").Clear();
            Summary(summary, "مهر نسخه").Clear();
            Summary(summary, "گروه‌های گیرنده").SetValue("شرکت‌ها؛ فضانوردان");
        });

        var preview = await PreviewAsync(workbook, _admin);

        Assert.False(preview.CanApply);
        Assert.Equal(["عنوان خدمت", "گروه‌های گیرنده"], preview.Errors.Select(e => e.RowLabel!).Order(StringComparer.Ordinal));
        Assert.All(preview.Errors, e => Assert.Equal(("خلاصه", 2), (e.Sheet, e.Column)));
        Assert.Contains(preview.Errors, e => e.Message.Contains("«فضانوردان» در فهرست سازمان‌ها نیست", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_of_one_obligation_inserted_between_two_others_shows_one_insertion()
    {
        var workbook = Edit(await ExportAsync(Certificate), wb =>
        {
            // Between the first and the second obligation of the first side: the later ones move down one number.
            var sheet = wb.Worksheet("تعهدات");
            var side = sheet.Cell(2, 1).GetString();
            var last = sheet.LastRowUsed(XLCellsUsedOptions.Contents).RowNumber();
            for (var row = 3; row <= last; row++)
            {
                if (sheet.Cell(row, 1).GetString() == side) sheet.Cell(row, 2).SetValue(sheet.Cell(row, 2).GetDouble() + 1);
            }
            sheet.Cell(last + 1, 1).SetValue(side);
            sheet.Cell(last + 1, 2).SetValue(2);
            sheet.Cell(last + 1, 3).SetValue("تعهد تازه میان دو تعهد");
        });

        var preview = await PreviewAsync(workbook, _admin);

        Assert.True(preview.CanApply, string.Join("\n", preview.Problems));
        var obligations = preview.Parts.Single(p => p.Part == "تعهدات");
        Assert.Equal("تعهد تازه میان دو تعهد", Assert.Single(obligations.Added).After);
        Assert.Equal((0, 0, 0), (obligations.Removed.Count, obligations.Changed.Count, obligations.Moved.Count));
        Assert.Equal(obligations.Before + 1, obligations.After);
        Assert.DoesNotContain(preview.Parts.Where(p => p.Part != "تعهدات"), p => p.HasChanges);
        Assert.Empty(preview.FieldChanges);
        Assert.Empty(preview.CardChanges);

        // Applied, the new draft stores one obligation more than the version it came from.
        var applied = await Importer().ApplyAsync(preview.Token!.Value, _admin);
        Assert.True(applied.Succeeded, applied.Message);
        await SlaAdmin.IntegrationTests.Catalogue.CatalogueAtScaleTests.AssertStoredObligationCountsAsync(_app);
    }

    [Fact]
    public async Task Import_of_one_moved_obligation_shows_one_move()
    {
        var workbook = Edit(await ExportAsync(Certificate), wb =>
        {
            var sheet = wb.Worksheet("تعهدات");
            sheet.Cell(2, 2).SetValue(2);
            sheet.Cell(3, 2).SetValue(1);
        });

        var preview = await PreviewAsync(workbook, _admin);

        Assert.True(preview.CanApply, string.Join("\n", preview.Problems));
        var obligations = preview.Parts.Single(p => p.Part == "تعهدات");
        Assert.Single(obligations.Moved);
        Assert.Equal((0, 0, 0), (obligations.Added.Count, obligations.Removed.Count, obligations.Changed.Count));
    }

    [Fact]
    public async Task An_unchanged_seed_000_workbook_reports_nothing_to_import()
    {
        var preview = await PreviewAsync(await ExportAsync(Certificate), _admin);

        Assert.False(preview.HasChanges);
        Assert.Equal("این فایل با نسخه‌ای که از آن گرفته شده یکی است؛ چیزی برای واردکردن نیست.", Assert.Single(preview.Problems).Message);
    }

    [Fact]
    public async Task The_checklist_column_carries_the_latest_checks_out_and_records_the_states_it_brings_in()
    {
        var agreementId = (await CurrentAsync(Certificate)).AgreementId;
        var checklist = _app.Services.CreateScope().ServiceProvider.GetRequiredService<Checklist>();
        var inForce = (await _app.Services.CreateScope().ServiceProvider.GetRequiredService<AgreementStore>().LoadAsync(agreementId))!.Content;
        var (first, second) = (inForce.Obligations[0].Clause, inForce.Obligations[1].Clause);
        Assert.True((await checklist.CheckAsync(agreementId, first, CheckState.Met, null, _admin)).Succeeded);

        var exported = await ExportAsync(Certificate);
        using (var wb = new XLWorkbook(new MemoryStream(exported)))
        {
            var column = wb.Worksheet("تعهدات").Column(5).CellsUsed().Skip(1).Select(c => c.GetString()).ToList();
            Assert.Equal(["انجام شده"], column);
        }

        var workbook = Edit(exported, wb => wb.Worksheet("تعهدات").Cell(3, 5).SetValue("انجام نشده"));
        var preview = await PreviewAsync(workbook, _admin);

        Assert.True(preview.CanApply, string.Join("\n", preview.Problems));
        Assert.False(preview.HasContentChanges);
        var change = Assert.Single(preview.CheckChanges);
        Assert.Equal(("بررسی تعهد سازمان، ردیف ۲", (string?)null, "انجام نشده"), (change.Field, change.Before, change.After));
        var outcome = await Importer().ApplyAsync(preview.Token!.Value, _admin);
        Assert.True(outcome.Succeeded, outcome.Message);
        var states = await checklist.LatestAsync(agreementId);
        Assert.Equal((CheckState.Met, CheckState.NotMet), (states[first].State, states[second].State));
        Assert.Equal(1, await VersionCountAsync(Certificate));
    }

    [Fact]
    public async Task A_card_fact_unknown_on_the_service_is_filled_in_and_no_draft_is_started_for_an_unchanged_text()
    {
        var workbook = Edit(await ExportAsync(Approval), wb =>
        {
            var summary = wb.Worksheet("خلاصه");
            Summary(summary, "سطح خدمت").SetValue("ملی");
            Summary(summary, "مراحل درخواست").SetValue("ثبت درخواست در درگاه");
        });

        var preview = await PreviewAsync(workbook, _admin);

        Assert.True(preview.CanApply, string.Join("\n", preview.Problems));
        Assert.False(preview.HasContentChanges);
        Assert.Equal([("سطح خدمت", (string?)null, "ملی"), ("مراحل درخواست", null, "ثبت درخواست در درگاه")],
            preview.CardChanges.Select(c => (c.Field, c.Before, c.After)));

        var outcome = await Importer().ApplyAsync(preview.Token!.Value, _admin);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Null(outcome.VersionNumber);
        await using var db = _app.CreateDbContext();
        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Title == Approval);
        Assert.Equal((ServiceLevel.National, "ثبت درخواست در درگاه"), (service.Level, service.RequestSteps));
        Assert.Equal(1, await VersionCountAsync(Approval));
    }

    [Fact]
    public async Task A_card_fact_that_differs_from_the_service_is_refused_and_the_service_is_not_rewritten()
    {
        await SetProviderUnitAsync(Approval, "مرکز صدور تاییدیه");
        var workbook = Edit(await ExportAsync(Approval), wb =>
        {
            var summary = wb.Worksheet("خلاصه");
            Assert.Equal("مرکز صدور تاییدیه", Summary(summary, "واحد ارائه‌دهنده").GetString());
            Summary(summary, "واحد ارائه‌دهنده").SetValue("واحد دیگر");
            Obligation(wb, 2).SetValue("متن تازه");
        });

        var preview = await PreviewAsync(workbook, _admin);

        Assert.False(preview.CanApply);
        var error = Assert.Single(preview.Errors);
        Assert.Equal(("خلاصه", "واحد ارائه‌دهنده", 2), (error.Sheet, error.RowLabel, error.Column));
        Assert.Contains("در صفحه خود خدمت تغییر می‌کنند، نه با کارپوشه توافقنامه", error.Message, StringComparison.Ordinal);
        await using var db = _app.CreateDbContext();
        Assert.Equal("مرکز صدور تاییدیه", (await db.Services.SingleAsync(s => s.Title == Approval)).ProviderUnit);
    }

    [Fact]
    public async Task A_national_id_held_by_another_service_is_refused()
    {
        await using (var db = _app.CreateDbContext())
        {
            var other = await db.Services.SingleAsync(s => s.Title == Certificate);
            other.NationalId = "10611234567";
            await db.SaveChangesAsync();
        }
        var workbook = Edit(await ExportAsync(Approval), wb => Summary(wb.Worksheet("خلاصه"), "شناسه ملی خدمت").SetValue("١٠٦١١٢٣٤٥٦٧"));

        var preview = await PreviewAsync(workbook, _admin);

        var error = Assert.Single(preview.Errors);
        Assert.Equal("شناسه ملی خدمت", error.RowLabel);
        Assert.Contains($"از آنِ خدمت «{Certificate}» است", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SeedTitles))]
    public async Task Seed_export_import_export_gives_the_same_content(string title)
    {
        var first = await ExportAsync(title);
        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(first));
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Problems));
        await AssertSameContentAsync(await CurrentAsync(title), parsed.Model!);

        // The same workbook as a new agreement of a renamed service, written and exported again.
        const string copy = "رونوشت آزمایشی";
        var preview = await PreviewAsync(Edit(first, wb =>
        {
            var summary = wb.Worksheet("خلاصه");
            Summary(summary, "شناسه توافقنامه").Clear();
            Summary(summary, "مهر نسخه").Clear();
            Summary(summary, "عنوان خدمت").SetValue(copy);
            Summary(summary, "شناسه ملی خدمت").Clear();
        }), _admin);
        Assert.True(preview.CanApply, string.Join("\n", preview.Problems));
        var outcome = await Importer().ApplyAsync(preview.Token!.Value, _admin);
        Assert.True(outcome.Succeeded, outcome.Message);

        var second = await (await _app.CreateClient(Roles.Viewer).GetAsync($"/export/agreements/{outcome.AgreementId}.xlsx")).Content.ReadAsByteArrayAsync();
        var reparsed = AgreementWorkbookImporter.Parse(new MemoryStream(second));
        AssertSameContent(parsed.Model! with { Content = parsed.Model!.Content with { ServiceTitle = copy }, Card = parsed.Model.Card with { NationalId = null } }, reparsed.Model!);
        string[] differ = ["شناسه توافقنامه", "شماره نسخه", "مهر نسخه", "وضعیت نسخه", "عنوان خدمت", "شناسه ملی خدمت"];
        Assert.Equal(CellsExcept(first, differ), CellsExcept(second, differ));
    }

    private static void AssertSameContent(AgreementWorkbookModel expected, AgreementWorkbookModel actual)
    {
        Assert.Equal(expected.RecipientNames, actual.RecipientNames);
        Assert.Equal(expected.Card, actual.Card);
        Assert.Equal(expected.Content.Sections, actual.Content.Sections);
        Assert.Equal(expected.Content.Obligations, actual.Content.Obligations);
        Assert.Equal(expected.Content.Payments, actual.Content.Payments);
        Assert.Equal(expected.Content, actual.Content);
    }

    private async Task AssertSameContentAsync(AgreementVersion expected, AgreementWorkbookModel actual)
    {
        await using var db = _app.CreateDbContext();
        var service = await db.Services.AsNoTracking().Include(s => s.Recipients).SingleAsync(s => s.Agreement!.Id == expected.AgreementId);
        AssertSameContent(AgreementWorkbookModel.FromVersion(expected, service.Recipients.Select(r => r.Name), ServiceCard.Of(service)), actual);
    }

    /// <summary>Every non-empty cell of every sheet, leaving out the summary rows with the given labels.</summary>
    private static List<string> CellsExcept(byte[] workbook, string[] summaryLabels)
    {
        using var wb = new XLWorkbook(new MemoryStream(workbook));
        var skipRows = wb.Worksheet("خلاصه").Column(1).CellsUsed().Where(c => summaryLabels.Contains(c.GetString())).Select(c => c.Address.RowNumber).ToHashSet();
        return [.. wb.Worksheets.SelectMany(s => s.CellsUsed(XLCellsUsedOptions.Contents)
            .Where(c => s.Name != "خلاصه" || !skipRows.Contains(c.Address.RowNumber))
            .Select(c => $"{s.Name}!{c.Address}={c.DataType}:{c.GetString()}"))];
    }

    private async Task<byte[]> ExportAsync(string serviceTitle, int? version = null)
    {
        var id = (await CurrentAsync(serviceTitle)).AgreementId;
        var response = await _app.CreateClient(Roles.Administrator).GetAsync($"/export/agreements/{id}.xlsx{(version is { } n ? $"?version={n}" : "")}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<ImportPreview> PreviewAsync(byte[] workbook, ClaimsPrincipal user) =>
        await Importer().PreviewAsync(AgreementWorkbookImporter.Parse(new MemoryStream(workbook)), user);

    private async Task<AgreementVersion> CurrentAsync(string serviceTitle)
    {
        await using var db = _app.CreateDbContext();
        var id = await db.Agreements.Where(a => a.EService.Title == serviceTitle).Select(a => a.Id).SingleAsync();
        return (await Store().LoadAsync(id))!.Version;
    }

    private async Task<int> VersionCountAsync(string serviceTitle)
    {
        await using var db = _app.CreateDbContext();
        return await db.AgreementVersions.CountAsync(v => v.Agreement.EService.Title == serviceTitle);
    }

    private async Task<(int, int, int, int, int)> CountsAsync()
    {
        await using var db = _app.CreateDbContext();
        return (await db.Services.CountAsync(), await db.AgreementVersions.CountAsync(), await db.Obligations.CountAsync(),
            await db.DataRows.CountAsync(), await db.Organizations.CountAsync());
    }

    /// <summary>Someone else starts a draft (version 2) from the version in force, as an editor would.</summary>
    private async Task StartDraftAsync(string serviceTitle)
    {
        await using var db = _app.CreateDbContext();
        var agreement = await db.Agreements.SingleAsync(a => a.EService.Title == serviceTitle);
        var inForce = await AgreementStore.WithEverything(db.AgreementVersions).SingleAsync(v => v.Id == agreement.InForceVersionId);
        var draft = AgreementContent.Of(inForce).ToVersion(inForce.Number + 1, AgreementStatus.Draft);
        agreement.Versions.Add(draft);
        await db.SaveChangesAsync();
        agreement.WorkingVersion = draft;
        await db.SaveChangesAsync();
    }

    /// <summary>Someone else edits the working draft (parts loaded); the save renews the draft's stamp.</summary>
    private async Task ChangeDraftIntroductionAsync(string serviceTitle)
    {
        await using var db = _app.CreateDbContext();
        var agreement = await db.Agreements.SingleAsync(a => a.EService.Title == serviceTitle);
        var draft = await db.AgreementVersions.Include(v => v.Sections).SingleAsync(v => v.Id == agreement.WorkingVersionId);
        draft.Sections.Single(s => s.Kind == SectionKind.Introduction).Body += " (ویرایش همکار)";
        await db.SaveChangesAsync();
    }

    private async Task SetProviderUnitAsync(string serviceTitle, string unit)
    {
        await using var db = _app.CreateDbContext();
        (await db.Services.SingleAsync(s => s.Title == serviceTitle)).ProviderUnit = unit;
        await db.SaveChangesAsync();
    }

    /// <summary>A second stored administrator account, signed in.</summary>
    private async Task<ClaimsPrincipal> OtherAdministratorAsync()
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "other-admin@example.ir", Email = "other-admin@example.ir" };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Administrator)).Succeeded);
        return await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
    }

    private AgreementWorkbookImporter Importer() => _app.Services.CreateScope().ServiceProvider.GetRequiredService<AgreementWorkbookImporter>();

    private AgreementStore Store() => _app.Services.CreateScope().ServiceProvider.GetRequiredService<AgreementStore>();

    private static IXLCell Obligation(XLWorkbook wb, int row) => wb.Worksheet("تعهدات").Cell(row, 3);

    private static IXLCell Summary(IXLWorksheet summary, string label) =>
        summary.Column(1).CellsUsed().Single(c => c.GetString() == label).CellRight();

    private static byte[] Edit(byte[] workbook, Action<XLWorkbook> edit)
    {
        using var wb = new XLWorkbook(new MemoryStream(workbook));
        edit(wb);
        using var output = new MemoryStream();
        wb.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>The stored test account of <paramref name="role"/>: the importer checks the role in the database.</summary>
    private ClaimsPrincipal Principal(string role)
    {
        _ = _app.Server;
        return Task.Run(() => TestAuth.PrincipalAsync(_app.Services.CreateScope().ServiceProvider, role)).GetAwaiter().GetResult();
    }

    public void Dispose() => _app.Dispose();
}
