using System.Globalization;
using ClosedXML.Excel;
using SlaAdmin.Data.Entities;
using SlaAdmin.Excel;
using SlaAdmin.Persian;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Agreements.Workbook;

/// <summary>Writes the one-agreement workbook (see <see cref="AgreementWorkbookMap"/>), or its blank template.</summary>
public static class AgreementWorkbookExporter
{
    /// <summary>Drop-downs reach this far below the header, so rows a user adds get them too.</summary>
    private const int ChoiceRows = 500;

    private const string PlainNumber = "0";

    public static byte[] Export(AgreementWorkbookModel model, string? author) => Write(model, author);

    /// <summary>The same sheets and headers with no rows; the summary lists its keys with empty values.</summary>
    public static byte[] Template(string? author) => Write(null, author);

    /// <summary>«توافقنامه صدور تاییدیه فنی نرم‌افزار - نسخه ۲.xlsx».</summary>
    public static string FileName(AgreementWorkbookModel model) =>
        $"توافقنامه {model.Content.ServiceTitle} - نسخه {PersianDigits.ToPersian(model.VersionNumber?.ToString(CultureInfo.InvariantCulture))}.xlsx";

    public static string AsciiFileName(AgreementWorkbookModel model) =>
        string.Create(CultureInfo.InvariantCulture, $"agreement-{model.AgreementId}.xlsx");

    public const string TemplateFileName = "قالب توافقنامه سطح خدمت.xlsx";
    public const string TemplateAsciiFileName = "agreement-template.xlsx";

    private static byte[] Write(AgreementWorkbookModel? model, string? author)
    {
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = model?.Content.ServiceTitle ?? "قالب توافقنامه سطح خدمت";
        workbook.Properties.Subject = "توافقنامه سطح خدمت";
        workbook.Properties.Author = author ?? "";
        workbook.RightToLeft = true;

        WriteSummary(workbook.AddWorksheet(SummarySheet.Name), model);
        WriteSections(workbook.AddWorksheet(SectionSheet.Name), model);
        WriteObligations(workbook.AddWorksheet(ObligationSheet.Name), model?.Content.Obligations ?? [], model?.Checks);
        WriteDataRows(workbook.AddWorksheet(DataSheet.Name), model?.Content.DataRows ?? []);
        WriteFees(workbook.AddWorksheet(FeeSheet.Name), model?.Content.Fees ?? []);
        WritePayments(workbook.AddWorksheet(PaymentSheet.Name), model?.Content.Payments ?? []);
        WriteLegalReferences(workbook.AddWorksheet(LegalReferenceSheet.Name), model?.Content.LegalReferences ?? []);
        WriteDefinitions(workbook.AddWorksheet(DefinitionSheet.Name), model?.Content.Definitions ?? []);
        WriteAppendix(workbook.AddWorksheet(AppendixSheet.Name), model?.Content.AppendixItems ?? []);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteSummary(IXLWorksheet sheet, AgreementWorkbookModel? m)
    {
        var rows = SummarySheet.Rows;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = i + 2;
            sheet.Cell(row, SummarySheet.Label).SetText(rows[i].Label);
            sheet.Cell(row, SummarySheet.Note).SetText(rows[i].Note);
            var value = sheet.Cell(row, SummarySheet.Value);
            if (m is not null) WriteSummaryValue(value, rows[i], m);
        }
        SheetLayout.WriteTable(sheet, SummarySheet.Table, SummarySheet.Headers, rows.Count);
        sheet.Range(2, SummarySheet.Label, rows.Count + 1, SummarySheet.Label).Style.Font.Bold = true;

        for (var i = 0; i < rows.Count; i++)
        {
            var cell = sheet.Cell(i + 2, SummarySheet.Value);
            switch (rows[i].Field)
            {
                case SummaryField.StatesClauseCount or SummaryField.IsFree:
                    SheetLayout.AddChoiceList(cell.AsRange(), [Labels.Yes, Labels.No], "«بلی» یا «خیر» را برگزینید.");
                    break;
                case SummaryField.SectionPresence:
                    SheetLayout.AddChoiceList(cell.AsRange(), [AgreementWorkbookMap.Present, AgreementWorkbookMap.Absent], "«دارد» یا «ندارد» را برگزینید.");
                    break;
                case SummaryField.Nature:
                    SheetLayout.AddChoiceList(cell.AsRange(), AgreementWorkbookMap.Words<ServiceNature>(), "یکی از مقدارهای فهرست را برگزینید.");
                    break;
                case SummaryField.Level:
                    SheetLayout.AddChoiceList(cell.AsRange(), AgreementWorkbookMap.Words<ServiceLevel>(), "یکی از مقدارهای فهرست را برگزینید.");
                    break;
                case SummaryField.ServiceStatus:
                    SheetLayout.AddChoiceList(cell.AsRange(), AgreementWorkbookMap.Words<ServiceStatus>(), "یکی از مقدارهای فهرست را برگزینید.");
                    break;
                case SummaryField.NationalId:
                    // Eleven digits typed into a general cell would become a number and lose leading zeros.
                    cell.Style.NumberFormat.Format = "@";
                    break;
            }
        }
    }

    private static void WriteSummaryValue(IXLCell cell, SummaryRow row, AgreementWorkbookModel m)
    {
        switch (row.Field)
        {
            case SummaryField.AgreementId: cell.SetWholeNumber(m.AgreementId, PlainNumber); break;
            case SummaryField.VersionNumber: cell.SetWholeNumber(m.VersionNumber, PlainNumber); break;
            case SummaryField.ConcurrencyStamp: cell.SetText(m.ConcurrencyStamp?.ToString("D")); break;
            case SummaryField.Status: cell.SetText(m.Status is { } status ? Labels.Of(status) : null); break;
            case SummaryField.ServiceTitle: cell.SetText(m.Content.ServiceTitle); break;
            case SummaryField.Provider: cell.SetText(m.Content.ProviderName); break;
            case SummaryField.RecipientsDescription: cell.SetText(m.Content.RecipientsDescription); break;
            case SummaryField.RecipientGroups: cell.SetText(string.Join("؛ ", m.RecipientNames)); break;
            case SummaryField.ValidUntilJalali: cell.SetText(m.Content.ValidUntil is { } end ? Jalali.FormatPersian(end) : null); break;
            case SummaryField.ValidUntilDate: cell.SetDate(m.Content.ValidUntil); break;
            case SummaryField.ValidityText: cell.SetText(m.Content.ValidityText); break;
            case SummaryField.Signatory: cell.SetText(m.Content.Signatory); break;
            case SummaryField.ClauseCount: cell.SetWholeNumber(m.Content.ClauseCount, PlainNumber); break;
            case SummaryField.StatesClauseCount: cell.SetText(Labels.Of(m.Content.StatesClauseCount)); break;
            case SummaryField.DocumentTitle: cell.SetText(m.Content.DocumentTitle); break;
            case SummaryField.Subheading: cell.SetText(m.Content.Subheading); break;
            case SummaryField.PaymentsIntro: cell.SetText(m.Content.PaymentsIntro); break;
            case SummaryField.NationalId: cell.SetText(m.Card.NationalId); break;
            case SummaryField.ProviderUnit: cell.SetText(m.Card.ProviderUnit); break;
            case SummaryField.Nature: cell.SetText(m.Card.Nature is { } nature ? Labels.Of(nature) : null); break;
            case SummaryField.ServiceTypes: cell.SetText(m.Card.Types is { } types ? Labels.Of(types) : null); break;
            case SummaryField.Level: cell.SetText(m.Card.Level is { } level ? Labels.Of(level) : null); break;
            case SummaryField.ServiceStatus: cell.SetText(m.Card.Status is { } serviceStatus ? Labels.Of(serviceStatus) : null); break;
            case SummaryField.Definition: cell.SetText(m.Card.Definition); break;
            case SummaryField.InteractionChannels: cell.SetText(m.Card.InteractionChannels); break;
            case SummaryField.WebAddress: cell.SetText(m.Card.WebAddress); break;
            case SummaryField.RequestSteps: cell.SetText(m.Card.RequestSteps); break;
            case SummaryField.ReportingAndReview: cell.SetText(m.Card.ReportingAndReview); break;
            case SummaryField.ServiceDeskUrl: cell.SetText(m.Card.ServiceDeskUrl); break;
            case SummaryField.Letterhead: cell.SetText(m.Content.Letterhead); break;
            case SummaryField.IsFree: cell.SetText(m.Content.IsFree is { } free ? Labels.Of(free) : null); break;
            case SummaryField.CostNote: cell.SetText(m.Content.CostNote); break;
            case SummaryField.ProviderObligationsIntro: cell.SetText(m.Content.ProviderObligationsIntro); break;
            case SummaryField.RecipientObligationsIntro: cell.SetText(m.Content.RecipientObligationsIntro); break;
            case SummaryField.SectionPresence:
                cell.SetText(m.Content.Sections.Any(s => s.Kind == row.Section) ? AgreementWorkbookMap.Present : AgreementWorkbookMap.Absent);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(row), row.Field, "Unknown summary row.");
        }
    }

    private static void WriteSections(IXLWorksheet sheet, AgreementWorkbookModel? m)
    {
        var sections = m?.Content.Sections ?? [];
        for (var i = 0; i < sections.Count; i++)
        {
            var row = i + 2;
            sheet.Cell(row, SectionSheet.Kind).SetText(Labels.Of(sections[i].Kind));
            sheet.Cell(row, SectionSheet.Number).SetWholeNumber(m!.Content.ClauseNumberOf(sections[i].Kind), PlainNumber);
            sheet.Cell(row, SectionSheet.Body).SetText(sections[i].Body);
        }
        SheetLayout.WriteTable(sheet, SectionSheet.Table, SectionSheet.Headers, sections.Count);
        ClauseColumn(sheet, SectionSheet.Clause, sections.Select(s => s.Clause));
        Choices(sheet, SectionSheet.Kind, AgreementWorkbookMap.Words<SectionKind>());
    }

    private static void WriteObligations(IXLWorksheet sheet, IReadOnlyList<ObligationLine> lines, IReadOnlyDictionary<Guid, CheckState>? checks)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var row = i + 2;
            sheet.Cell(row, ObligationSheet.Side).SetText(Labels.Of(lines[i].Side));
            sheet.Cell(row, ObligationSheet.Order).SetWholeNumber(lines[i].Order, PlainNumber);
            sheet.Cell(row, ObligationSheet.Text).SetText(lines[i].Text);
            sheet.Cell(row, ObligationSheet.Target).SetText(lines[i].Target);
            // The checklist column holds the latest check; an obligation never checked stays empty, never ticked by default.
            if (checks is not null && checks.TryGetValue(lines[i].Clause, out var state)) sheet.Cell(row, ObligationSheet.Status).SetText(Labels.Of(state));
        }
        SheetLayout.WriteTable(sheet, ObligationSheet.Table, ObligationSheet.Headers, lines.Count);
        ClauseColumn(sheet, ObligationSheet.Clause, lines.Select(l => l.Clause));
        sheet.Column(ObligationSheet.Status).Width = Math.Max(sheet.Column(ObligationSheet.Status).Width, 16);
        Choices(sheet, ObligationSheet.Side, AgreementWorkbookMap.Words<ObligationSide>());
        Choices(sheet, ObligationSheet.Status, AgreementWorkbookMap.Words<CheckState>());
    }

    private static void WriteDataRows(IXLWorksheet sheet, IReadOnlyList<DataLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var (row, d) = (i + 2, lines[i]);
            sheet.Cell(row, DataSheet.Order).SetWholeNumber(d.Order, PlainNumber);
            sheet.Cell(row, DataSheet.DataType).SetText(d.DataType);
            sheet.Cell(row, DataSheet.Providing).SetText(Labels.Of(d.ProvidingUnit));
            sheet.Cell(row, DataSheet.Receiving).SetText(Labels.Of(d.ReceivingUnit));
            sheet.Cell(row, DataSheet.Storage).SetText(Labels.Of(d.StorageLevel));
            sheet.Cell(row, DataSheet.Analytics).SetText(Labels.Of(d.UsedForAnalytics));
            sheet.Cell(row, DataSheet.Public).SetText(Labels.Of(d.PublicVisible));
            sheet.Cell(row, DataSheet.Scope).SetText(Labels.Of(d.PublicationScope));
        }
        SheetLayout.WriteTable(sheet, DataSheet.Table, DataSheet.Headers, lines.Count);
        ClauseColumn(sheet, DataSheet.Clause, lines.Select(l => l.Clause));
        Choices(sheet, DataSheet.Providing, AgreementWorkbookMap.Words<DataParty>());
        Choices(sheet, DataSheet.Receiving, AgreementWorkbookMap.Words<DataParty>());
        Choices(sheet, DataSheet.Storage, AgreementWorkbookMap.Words<StorageLevel>());
        Choices(sheet, DataSheet.Analytics, [Labels.Yes, Labels.No]);
        Choices(sheet, DataSheet.Public, [Labels.Yes, Labels.No]);
        Choices(sheet, DataSheet.Scope, AgreementWorkbookMap.Words<PublicationScope>());
    }

    private static void WriteFees(IXLWorksheet sheet, IReadOnlyList<FeeLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var (row, f) = (i + 2, lines[i]);
            sheet.Cell(row, FeeSheet.Order).SetWholeNumber(f.Order, PlainNumber);
            sheet.Cell(row, FeeSheet.Service).SetText(f.ServiceName);
            sheet.Cell(row, FeeSheet.CostType).SetText(Labels.Of(f.CostType));
            sheet.Cell(row, FeeSheet.Description).SetText(f.Description);
            sheet.Cell(row, FeeSheet.Amount).SetWholeNumber(f.AmountRials);
        }
        SheetLayout.WriteTable(sheet, FeeSheet.Table, FeeSheet.Headers, lines.Count);
        ClauseColumn(sheet, FeeSheet.Clause, lines.Select(l => l.Clause));
        sheet.Range(2, FeeSheet.Amount, ChoiceRows, FeeSheet.Amount).Style.NumberFormat.Format = CellWriting.WholeNumberFormat;
        Choices(sheet, FeeSheet.CostType, AgreementWorkbookMap.Words<CostType>());
    }

    private static void WritePayments(IXLWorksheet sheet, IReadOnlyList<PaymentLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var (row, p) = (i + 2, lines[i]);
            sheet.Cell(row, PaymentSheet.Order).SetWholeNumber(p.Order, PlainNumber);
            sheet.Cell(row, PaymentSheet.Description).SetText(p.Description);
            sheet.Cell(row, PaymentSheet.AccountOwner).SetText(p.AccountOwnerName);
            sheet.Cell(row, PaymentSheet.Iban).SetText(p.Iban);
            sheet.Cell(row, PaymentSheet.Channels).SetText(Labels.Of(p.Channels));
        }
        SheetLayout.WriteTable(sheet, PaymentSheet.Table, PaymentSheet.Headers, lines.Count);
        ClauseColumn(sheet, PaymentSheet.Clause, lines.Select(l => l.Clause));
        // Typed IBAN digits must stay text: as a number Excel would round them away.
        sheet.Range(2, PaymentSheet.Iban, ChoiceRows, PaymentSheet.Iban).Style.NumberFormat.Format = "@";
        Choices(sheet, PaymentSheet.Channels, [.. AgreementWorkbookMap.Words<PaymentChannels>(), Labels.Of(PaymentChannels.Online | PaymentChannels.Manual)]);
    }

    private static void WriteLegalReferences(IXLWorksheet sheet, IReadOnlyList<LegalReferenceLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var (row, l) = (i + 2, lines[i]);
            sheet.Cell(row, LegalReferenceSheet.Order).SetWholeNumber(l.Order, PlainNumber);
            sheet.Cell(row, LegalReferenceSheet.Title).SetText(l.Title);
            sheet.Cell(row, LegalReferenceSheet.ArticleOrClause).SetText(l.ArticleOrClause);
            sheet.Cell(row, LegalReferenceSheet.ApprovingBody).SetText(l.ApprovingBody);
            sheet.Cell(row, LegalReferenceSheet.Number).SetText(l.Number);
            sheet.Cell(row, LegalReferenceSheet.JalaliDate).SetText(l.Date is { } date ? Jalali.FormatPersian(date) : null);
            sheet.Cell(row, LegalReferenceSheet.Date).SetDate(l.Date);
            sheet.Cell(row, LegalReferenceSheet.Note).SetText(l.Note);
        }
        SheetLayout.WriteTable(sheet, LegalReferenceSheet.Table, LegalReferenceSheet.Headers, lines.Count);
        ClauseColumn(sheet, LegalReferenceSheet.Clause, lines.Select(l => l.Clause));
        sheet.Range(2, LegalReferenceSheet.Number, ChoiceRows, LegalReferenceSheet.JalaliDate).Style.NumberFormat.Format = "@";
    }

    private static void WriteDefinitions(IXLWorksheet sheet, IReadOnlyList<DefinitionLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var row = i + 2;
            sheet.Cell(row, DefinitionSheet.Order).SetWholeNumber(lines[i].Order, PlainNumber);
            sheet.Cell(row, DefinitionSheet.Term).SetText(lines[i].Term);
            sheet.Cell(row, DefinitionSheet.Text).SetText(lines[i].Text);
        }
        SheetLayout.WriteTable(sheet, DefinitionSheet.Table, DefinitionSheet.Headers, lines.Count);
        ClauseColumn(sheet, DefinitionSheet.Clause, lines.Select(l => l.Clause));
    }

    private static void WriteAppendix(IXLWorksheet sheet, IReadOnlyList<AppendixLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            sheet.Cell(i + 2, AppendixSheet.Order).SetWholeNumber(lines[i].Order, PlainNumber);
            sheet.Cell(i + 2, AppendixSheet.Text).SetText(lines[i].Text);
        }
        SheetLayout.WriteTable(sheet, AppendixSheet.Table, AppendixSheet.Headers, lines.Count);
        ClauseColumn(sheet, AppendixSheet.Clause, lines.Select(l => l.Clause));
    }

    /// <summary>
    /// The clause identities, one per row, in the last column: narrow and grey, as nobody reads them,
    /// with a note on the header saying to leave them as they are (a new row leaves the cell empty).
    /// </summary>
    private static void ClauseColumn(IXLWorksheet sheet, int column, IEnumerable<Guid> clauses)
    {
        var row = 2;
        foreach (var clause in clauses) sheet.Cell(row++, column).SetText(clause.ToString("D"));
        sheet.Column(column).Width = 12;
        sheet.Range(2, column, Math.Max(row - 1, 2), column).Style.Font.FontColor = XLColor.Gray;
        sheet.Range(2, column, ChoiceRows, column).Style.NumberFormat.Format = "@";
        sheet.Cell(1, column).Comment.AddText(AgreementWorkbookMap.ClauseNote);
    }

    private static void Choices(IXLWorksheet sheet, int column, IEnumerable<string> choices) =>
        SheetLayout.AddChoiceList(sheet.Range(2, column, ChoiceRows, column), choices, "یکی از مقدارهای فهرست را برگزینید.");
}
