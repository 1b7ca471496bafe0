using System.Security.Claims;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Data.Entities;
using SlaAdmin.Excel;
using SlaAdmin.Features.AgreementWorkbook;
using SlaAdmin.Features.Agreements;

namespace SlaAdmin.IntegrationTests.AgreementWorkbook;

/// <summary>The importer service against the real app and database (seeded with the five agreements).</summary>
public sealed class AgreementWorkbookImportTests : IDisposable
{
    private const string Approval = "صدور تاییدیه فنی نرم‌افزار";
    private readonly SlaAppFactory _app = new();
    private readonly ClaimsPrincipal _admin = Principal(Roles.Administrator);

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
    public async Task Update_adds_a_draft_version_numbered_one_more_and_leaves_the_previous_untouched()
    {
        var before = AgreementWorkbookModel.FromVersion(await CurrentAsync(Approval));
        var workbook = Edit(await ExportAsync(Approval), wb =>
        {
            Obligation(wb, 2).SetValue("سازمان متعهد می‌شود پاسخ را در دو روز کاری بدهد.");
            var appendix = wb.Worksheet("پیوست");
            appendix.Cell(2, 1).SetValue(1);
            appendix.Cell(2, 2).SetValue("فهرست خدمات");
            var data = wb.Worksheet("داده‌ها");
            data.Row(3).Cells(1, 8).Clear();
        });

        var preview = await PreviewAsync(workbook, _admin);

        Assert.True(preview.CanApply, string.Join("\n", preview.Problems));
        Assert.False(preview.CreatesAgreement);
        Assert.Equal(2, preview.NewVersionNumber);
        var obligations = preview.Parts.Single(p => p.Part == "تعهدات");
        var changed = Assert.Single(obligations.Changed);
        Assert.Equal(before.Obligations[0].Text, changed.Before);
        Assert.Equal("سازمان متعهد می‌شود پاسخ را در دو روز کاری بدهد.", changed.After);
        Assert.Equal((0, 0), (obligations.Added.Count, obligations.Removed.Count));
        Assert.Equal("فهرست خدمات", Assert.Single(preview.Parts.Single(p => p.Part == "پیوست").Added).After);
        var data = preview.Parts.Single(p => p.Part == "داده‌ها");
        Assert.Equal((2, 1, 1), (data.Before, data.After, data.Removed.Count));
        Assert.DoesNotContain(preview.Parts.Where(p => p.Part is not ("تعهدات" or "پیوست" or "داده‌ها")), p => p.HasChanges);

        var outcome = await Importer().ApplyAsync(preview.Token!.Value, _admin);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(2, outcome.VersionNumber);
        await using var db = _app.CreateDbContext();
        var versions = await AgreementStore.WithEverything(db.AgreementVersions).Where(v => v.AgreementId == before.AgreementId).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(AgreementStatus.Published, versions[0].Status);
        Assert.Equal(before.ConcurrencyStamp, versions[0].ConcurrencyStamp);
        AssertSameContent(before, AgreementWorkbookModel.FromVersion(versions[0]));
        Assert.Equal(AgreementStatus.Draft, versions[1].Status);
        Assert.Equal("test-administrator@example.ir", versions[1].UpdatedBy);
        var after = AgreementWorkbookModel.FromVersion(versions[1]);
        Assert.Equal("سازمان متعهد می‌شود پاسخ را در دو روز کاری بدهد.", after.Obligations[0].Text);
        Assert.Equal([new AppendixLine(1, "فهرست خدمات")], after.AppendixItems);
        Assert.Single(after.DataRows);
        Assert.Equal(before.Payments, after.Payments);
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

    [Fact]
    public async Task A_workbook_exported_before_someone_else_saved_is_refused_at_preview()
    {
        var workbook = Edit(await ExportAsync(Approval), wb => Obligation(wb, 2).SetValue("متن تازه"));
        await ChangeIntroductionAsync(Approval);

        var preview = await PreviewAsync(workbook, _admin);

        Assert.False(preview.CanApply);
        var error = Assert.Single(preview.Errors);
        Assert.Equal(("خلاصه", 2), (error.Sheet, error.Column));
        Assert.Equal("مهر نسخه", error.RowLabel);
        Assert.Contains("پس از گرفتن این کارپوشه تغییر کرده است", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_between_preview_and_apply_is_refused_and_writes_nothing()
    {
        var preview = await PreviewAsync(Edit(await ExportAsync(Approval), wb => Obligation(wb, 2).SetValue("متن تازه")), _admin);
        Assert.True(preview.CanApply);
        await ChangeIntroductionAsync(Approval);
        var counts = await CountsAsync();

        var outcome = await Importer().ApplyAsync(preview.Token!.Value, _admin);

        Assert.False(outcome.Succeeded);
        Assert.Contains("پس از گرفتن این کارپوشه تغییر کرده است", outcome.Message, StringComparison.Ordinal);
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
        var other = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "someone-else"), new Claim(ClaimTypes.Role, Roles.Administrator)], "Test"));

        var outcome = await Importer().ApplyAsync(preview.Token!.Value, other);

        Assert.False(outcome.Succeeded);
        Assert.Equal(1, await VersionCountAsync(Approval));
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
        var created = await Store().LoadCurrentAsync(outcome.AgreementId!.Value);
        Assert.NotNull(created);
        Assert.Equal((1, AgreementStatus.Draft), (created.Number, created.Status));
        Assert.Equal("اتاق اصناف ایران", created.Agreement.EService.Provider.Name);
        Assert.Equal(["شهروندان"], created.Agreement.EService.Recipients.Select(r => r.Name));
        Assert.True(created.IsFree);
        Assert.Equal("=HYPERLINK(\"http://x\")", Assert.Single(created.Obligations).Text);
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

    [Theory]
    [MemberData(nameof(SeedTitles))]
    public async Task Seed_export_import_export_gives_the_same_content(string title)
    {
        var first = await ExportAsync(title);
        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(first));
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Problems));
        AssertSameContent(await CurrentAsync(title), parsed.Model!);

        // The same workbook as a new agreement of a renamed service, written and exported again.
        const string copy = "رونوشت آزمایشی";
        var preview = await PreviewAsync(Edit(first, wb =>
        {
            var summary = wb.Worksheet("خلاصه");
            Summary(summary, "شناسه توافقنامه").Clear();
            Summary(summary, "مهر نسخه").Clear();
            Summary(summary, "عنوان خدمت").SetValue(copy);
        }), _admin);
        Assert.True(preview.CanApply, string.Join("\n", preview.Problems));
        var outcome = await Importer().ApplyAsync(preview.Token!.Value, _admin);
        Assert.True(outcome.Succeeded, outcome.Message);

        var second = await (await _app.CreateClient(Roles.Viewer).GetAsync($"/export/agreements/{outcome.AgreementId}.xlsx")).Content.ReadAsByteArrayAsync();
        var reparsed = AgreementWorkbookImporter.Parse(new MemoryStream(second));
        AssertSameContent(parsed.Model! with { ServiceTitle = copy }, reparsed.Model!);
        string[] differ = ["شناسه توافقنامه", "شماره نسخه", "مهر نسخه", "وضعیت نسخه", "عنوان خدمت"];
        Assert.Equal(CellsExcept(first, differ), CellsExcept(second, differ));
    }

    private static void AssertSameContent(AgreementWorkbookModel expected, AgreementWorkbookModel actual)
    {
        var ignore = new AgreementWorkbookModel();
        Assert.Equal(
            expected with { AgreementId = null, VersionNumber = null, ConcurrencyStamp = null, Status = null, RecipientNames = ignore.RecipientNames, Sections = [], Obligations = [], DataRows = [], Fees = [], Payments = [], LegalReferences = [], Definitions = [], AppendixItems = [] },
            actual with { AgreementId = null, VersionNumber = null, ConcurrencyStamp = null, Status = null, RecipientNames = ignore.RecipientNames, Sections = [], Obligations = [], DataRows = [], Fees = [], Payments = [], LegalReferences = [], Definitions = [], AppendixItems = [] });
        Assert.Equal(expected.RecipientNames, actual.RecipientNames);
        Assert.Equal(expected.Sections, actual.Sections);
        Assert.Equal(expected.Obligations, actual.Obligations);
        Assert.Equal(expected.DataRows, actual.DataRows);
        Assert.Equal(expected.Fees, actual.Fees);
        Assert.Equal(expected.Payments, actual.Payments);
        Assert.Equal(expected.LegalReferences, actual.LegalReferences);
        Assert.Equal(expected.Definitions, actual.Definitions);
        Assert.Equal(expected.AppendixItems, actual.AppendixItems);
    }

    private static void AssertSameContent(AgreementVersion expected, AgreementWorkbookModel actual) =>
        AssertSameContent(AgreementWorkbookModel.FromVersion(expected), actual);

    /// <summary>Every non-empty cell of every sheet, leaving out the summary rows with the given labels.</summary>
    private static List<string> CellsExcept(byte[] workbook, string[] summaryLabels)
    {
        using var wb = new XLWorkbook(new MemoryStream(workbook));
        var skipRows = wb.Worksheet("خلاصه").Column(1).CellsUsed().Where(c => summaryLabels.Contains(c.GetString())).Select(c => c.Address.RowNumber).ToHashSet();
        return [.. wb.Worksheets.SelectMany(s => s.CellsUsed(XLCellsUsedOptions.Contents)
            .Where(c => s.Name != "خلاصه" || !skipRows.Contains(c.Address.RowNumber))
            .Select(c => $"{s.Name}!{c.Address}={c.DataType}:{c.GetString()}"))];
    }

    private async Task<byte[]> ExportAsync(string serviceTitle)
    {
        var id = (await CurrentAsync(serviceTitle)).AgreementId;
        var response = await _app.CreateClient(Roles.Administrator).GetAsync($"/export/agreements/{id}.xlsx");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<ImportPreview> PreviewAsync(byte[] workbook, ClaimsPrincipal user) =>
        await Importer().PreviewAsync(AgreementWorkbookImporter.Parse(new MemoryStream(workbook)), user);

    private async Task<AgreementVersion> CurrentAsync(string serviceTitle)
    {
        await using var db = _app.CreateDbContext();
        var id = await db.Agreements.Where(a => a.EService.Title == serviceTitle).Select(a => a.Id).SingleAsync();
        return (await Store().LoadCurrentAsync(id))!;
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

    /// <summary>Someone else edits the agreement as an editor would (version and parts loaded); the save renews the version's stamp.</summary>
    private async Task ChangeIntroductionAsync(string serviceTitle)
    {
        await using var db = _app.CreateDbContext();
        var version = await db.AgreementVersions.Include(v => v.Sections)
            .Where(v => v.Agreement.EService.Title == serviceTitle).OrderByDescending(v => v.Number).FirstAsync();
        version.Sections.Single(s => s.Kind == SectionKind.Introduction).Body += " (ویرایش همکار)";
        await db.SaveChangesAsync();
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

    private static ClaimsPrincipal Principal(string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, $"test-{role}"), new Claim(ClaimTypes.Name, $"test-{role.ToLowerInvariant()}@example.ir"), new Claim(ClaimTypes.Role, role)],
        "Test"));

    public void Dispose() => _app.Dispose();
}
