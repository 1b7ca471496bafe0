using SlaAdmin.Data.Entities;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Agreements.Workbook;

/// <summary>
/// The one-agreement workbook's layout, shared by the exporter and the importer: sheet names (in
/// order), table names, headers and column numbers, and the summary sheet's rows.
/// </summary>
internal static class AgreementWorkbookMap
{
    public static IReadOnlyList<string> SheetNames { get; } =
    [
        SummarySheet.Name, SectionSheet.Name, ObligationSheet.Name, DataSheet.Name, FeeSheet.Name,
        PaymentSheet.Name, LegalReferenceSheet.Name, DefinitionSheet.Name, AppendixSheet.Name,
    ];


    public const string Present = "دارد";
    public const string Absent = "ندارد";

    /// <summary>The last column of every part sheet: the clause identity, kept so a row stays the same clause when rows move.</summary>
    public const string ClauseHeader = "شناسه بند";

    public const string ClauseNote = "شناسه بند را دست نزنید: با آن دانسته می‌شود که ردیف همان بند پیشین است. ردیف تازه‌ای که می‌افزایید این خانه را خالی دارد.";

    /// <summary>Headers of a part sheet: its own columns, then the clause identity.</summary>
    public static IReadOnlyList<string> WithClause(params string[] headers) => [.. headers, ClauseHeader];

    /// <summary>Each part sheet of a version's workbook: its name, its data rows and its columns.</summary>
    public static IEnumerable<(string Sheet, int Rows, int Columns)> Parts(PartCounts n) =>
    [
        (SectionSheet.Name, n.Sections, SectionSheet.Headers.Count),
        (ObligationSheet.Name, n.Obligations, ObligationSheet.Headers.Count),
        (DataSheet.Name, n.DataRows, DataSheet.Headers.Count),
        (FeeSheet.Name, n.Fees, FeeSheet.Headers.Count),
        (PaymentSheet.Name, n.Payments, PaymentSheet.Headers.Count),
        (LegalReferenceSheet.Name, n.LegalReferences, LegalReferenceSheet.Headers.Count),
        (DefinitionSheet.Name, n.Definitions, DefinitionSheet.Headers.Count),
        (AppendixSheet.Name, n.AppendixItems, AppendixSheet.Headers.Count),
    ];

    /// <summary>
    /// The cells a version's workbook fills at most (every column of every row, headers and the summary
    /// included), so the editor refuses what its own workbook would exceed.
    /// </summary>
    public static int Cells(PartCounts n) =>
        (SummarySheet.Rows.Count + 1) * SummarySheet.Headers.Count + Parts(n).Sum(p => (p.Rows + 1) * p.Columns);

    /// <summary>Every way a version of these sizes exceeds <see cref="AgreementLimits"/>: the part (or «توافقنامه») and the message.</summary>
    public static IEnumerable<(string Part, string Message)> OverLimits(PartCounts n)
    {
        foreach (var (part, rows, _) in Parts(n).Where(p => p.Rows > AgreementLimits.RowsPerPart))
            yield return (part, AgreementLimits.TooManyRows($"بخش «{part}»", rows));
        if (Cells(n) is var cells and > AgreementLimits.CellsPerWorkbook)
            yield return ("توافقنامه", AgreementLimits.TooManyCells("کارپوشه این توافقنامه", cells));
    }

    /// <summary>The Persian words of an enum, in order, for drop-downs and messages.</summary>
    public static IReadOnlyList<string> Words<T>() where T : struct, Enum => [.. Labels.All<T>().Select(l => l.Label)];
}

internal static class SummarySheet
{
    public const string Name = "خلاصه";
    public const string Table = "Summary";
    public const int Label = 1, Value = 2, Note = 3;
    public static IReadOnlyList<string> Headers { get; } = ["عنوان", "مقدار", "توضیح"];

    private const string CardNote = "از شناسنامه خدمت؛ برای خدمت تازه نوشته می‌شود، برای خدمت موجود فقط اگر در سامانه نامشخص باشد.";

    /// <summary>The national service card: facts of the catalogue entry, not of the agreement (see docs/decisions/0006).</summary>
    private static IReadOnlyList<SummaryRow> ServiceCardRows { get; } =
    [
        new(SummaryField.NationalId, "شناسه ملی خدمت", "۱۱ رقم. " + CardNote),
        new(SummaryField.ProviderUnit, "واحد ارائه‌دهنده", CardNote),
        new(SummaryField.Nature, "ماهیت خدمت", "حاکمیتی یا تصدی‌گری. " + CardNote),
        new(SummaryField.ServiceTypes, "نوع خدمت", "یک یا چند از فهرست، جداشده با «،». " + CardNote),
        new(SummaryField.Level, "سطح خدمت", CardNote),
        new(SummaryField.ServiceStatus, "وضعیت خدمت", CardNote),
        new(SummaryField.Definition, "تعریف خدمت", CardNote),
        new(SummaryField.InteractionChannels, "شیوه‌های تعامل", CardNote),
        new(SummaryField.WebAddress, "نشانی وب", CardNote),
        new(SummaryField.RequestSteps, "مراحل درخواست", CardNote),
        new(SummaryField.ReportingAndReview, "گزارش‌دهی و بازبینی", CardNote),
        new(SummaryField.ServiceDeskUrl, "نشانی میز خدمت", CardNote),
    ];

    /// <summary>The rows of the summary, in the order written. Computed rows are shown, checked where it helps, never stored.</summary>
    public static IReadOnlyList<SummaryRow> Rows { get; } =
    [
        new(SummaryField.AgreementId, "شناسه توافقنامه", "برای توافقنامه تازه خالی بگذارید؛ با شناسه، کارپوشه نسخه تازه‌ای از همان توافقنامه می‌سازد."),
        new(SummaryField.VersionNumber, "شماره نسخه", "نسخه‌ای که این کارپوشه از آن گرفته شده است."),
        new(SummaryField.ConcurrencyStamp, "مهر نسخه", "تغییر ندهید: با آن دانسته می‌شود که توافقنامه پس از گرفتن کارپوشه تغییر نکرده است."),
        new(SummaryField.Status, "وضعیت نسخه", "فقط برای آگاهی؛ نسخه واردشده پیش‌نویس است."),
        new(SummaryField.ServiceTitle, "عنوان خدمت", "الزامی."),
        new(SummaryField.Provider, "دستگاه ارائه‌دهنده", "الزامی."),
        new(SummaryField.RecipientsDescription, "گیرندگان خدمت", "به عبارت توافقنامه."),
        new(SummaryField.RecipientGroups, "گروه‌های گیرنده", "نام‌ها از فهرست سازمان‌ها، جداشده با «؛»."),
        new(SummaryField.ValidUntilJalali, "پایان اعتبار (شمسی)", "مانند ۱۴۰۰/۱۲/۲۹."),
        new(SummaryField.ValidUntilDate, "پایان اعتبار (میلادی)", "همان تاریخ به میلادی؛ اگر هر دو پر باشند باید یکی باشند."),
        new(SummaryField.ValidityText, "اعتبار به عبارت توافقنامه", "مانند «تا پایان سال ۱۴۰۰»."),
        new(SummaryField.Signatory, "امضاکننده", ""),
        new(SummaryField.ClauseCount, "تعداد بندها", "محاسبه‌شده از برگه «بخش‌ها»؛ در ورود خوانده نمی‌شود."),
        new(SummaryField.StatesClauseCount, "تعداد بندها در متن آمده است", "بلی یا خیر."),
        new(SummaryField.DocumentTitle, "عنوان سند", "همان‌گونه که در سند آمده است."),
        new(SummaryField.Subheading, "زیر عنوان", "سطرهای زیر عنوان سند، هر سطر در یک خط."),
        new(SummaryField.Letterhead, "سربرگ", "هر سطر در یک خط."),
        new(SummaryField.IsFree, "رایگان", "بلی یا خیر."),
        new(SummaryField.CostNote, "یادداشت هزینه", ""),
        new(SummaryField.PaymentsIntro, "مقدمه پرداخت", "جمله‌ای که جدول پرداخت را می‌آغازد."),
        new(SummaryField.ProviderObligationsIntro, "مقدمه تعهدات سازمان", ""),
        new(SummaryField.RecipientObligationsIntro, "مقدمه تعهدات متقاضی", ""),
        .. ServiceCardRows,
        .. Enum.GetValues<SectionKind>().Select(kind => new SummaryRow(SummaryField.SectionPresence, $"بخش: {Labels.Of(kind)}", "دارد یا ندارد؛ متن بخش در برگه «بخش‌ها» است.", kind)),
    ];
}

internal enum SummaryField
{
    AgreementId, VersionNumber, ConcurrencyStamp, Status, ServiceTitle, Provider, RecipientsDescription, RecipientGroups,
    ValidUntilJalali, ValidUntilDate, ValidityText, Signatory, ClauseCount, StatesClauseCount, DocumentTitle, Letterhead,
    IsFree, CostNote, ProviderObligationsIntro, RecipientObligationsIntro, SectionPresence, Subheading, PaymentsIntro,
    NationalId, ProviderUnit, Nature, ServiceTypes, Level, ServiceStatus, Definition, InteractionChannels, WebAddress,
    RequestSteps, ReportingAndReview, ServiceDeskUrl,
}

internal sealed record SummaryRow(SummaryField Field, string Label, string Note, SectionKind? Section = null);

internal static class SectionSheet
{
    public const string Name = "بخش‌ها";
    public const string Table = "Sections";
    public const int Kind = 1, Number = 2, Body = 3, Clause = 4;
    public static IReadOnlyList<string> Headers { get; } = AgreementWorkbookMap.WithClause("بخش", "شماره بند", "متن");
}

internal static class ObligationSheet
{
    public const string Name = "تعهدات";
    public const string Table = "Obligations";
    public const int Side = 1, Order = 2, Text = 3, Target = 4, Status = 5, Clause = 6;
    public static IReadOnlyList<string> Headers { get; } = AgreementWorkbookMap.WithClause("طرف متعهد", "ردیف", "متن تعهد", "هدف سنجش‌پذیر", "وضعیت");
}

internal static class DataSheet
{
    public const string Name = "داده‌ها";
    public const string Table = "DataClassification";
    public const int Order = 1, DataType = 2, Providing = 3, Receiving = 4, Storage = 5, Analytics = 6, Public = 7, Scope = 8, Clause = 9;
    public static IReadOnlyList<string> Headers { get; } = AgreementWorkbookMap.WithClause("ردیف", "نوع داده", "واحد ارائه‌کننده", "واحد دریافت‌کننده", "سطح ذخیره‌سازی", "استفاده برای تحلیل و داده‌کاوی", "قابلیت نمایش برای عموم", "سطح انتشار");
}

internal static class FeeSheet
{
    public const string Name = "هزینه‌ها";
    public const string Table = "Fees";
    public const int Order = 1, Service = 2, CostType = 3, Description = 4, Amount = 5, Clause = 6;
    public static IReadOnlyList<string> Headers { get; } = AgreementWorkbookMap.WithClause("ردیف", "خدمت", "نوع هزینه", "شرح", "مبلغ (ریال)");
}

internal static class PaymentSheet
{
    public const string Name = "پرداخت";
    public const string Table = "Payments";
    public const int Order = 1, Description = 2, AccountOwner = 3, Iban = 4, Channels = 5, Clause = 6;
    public static IReadOnlyList<string> Headers { get; } = AgreementWorkbookMap.WithClause("ردیف", "شرح واریز", "صاحب حساب", "شماره شبا", "روش پرداخت");
}

internal static class LegalReferenceSheet
{
    public const string Name = "مبانی قانونی";
    public const string Table = "LegalReferences";
    public const int Order = 1, Title = 2, ArticleOrClause = 3, ApprovingBody = 4, Number = 5, JalaliDate = 6, Date = 7, Note = 8, Clause = 9;
    public static IReadOnlyList<string> Headers { get; } = AgreementWorkbookMap.WithClause("ردیف", "عنوان", "ماده یا بند", "مرجع تصویب", "شماره", "تاریخ (شمسی)", "تاریخ (میلادی)", "توضیح");
}

internal static class DefinitionSheet
{
    public const string Name = "تعاریف";
    public const string Table = "Definitions";
    public const int Order = 1, Term = 2, Text = 3, Clause = 4;
    public static IReadOnlyList<string> Headers { get; } = AgreementWorkbookMap.WithClause("ردیف", "اصطلاح", "تعریف");
}

internal static class AppendixSheet
{
    public const string Name = "پیوست";
    public const string Table = "Appendix";
    public const int Order = 1, Text = 2, Clause = 3;
    public static IReadOnlyList<string> Headers { get; } = AgreementWorkbookMap.WithClause("ردیف", "متن");
}
