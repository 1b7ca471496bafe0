using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements.Workbook;
using SlaAdmin.Persian;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Agreements;

/// <summary>A problem of an agreement's content: where (a section, a row), and what to do, in Persian.</summary>
public sealed record ContentProblem(string Where, string Message, Guid? ClauseId = null);

/// <summary>What a version's content must satisfy before it is saved: nothing half-valid, nothing stored that no page shows.</summary>
public static class AgreementRules
{
    // The database's column sizes (Data/Configurations); long texts by AgreementLimits.
    public const int TitleMax = 400, NameMax = 300, TextMax = AgreementLimits.TextLength;

    public static IReadOnlyList<ContentProblem> Validate(AgreementContent c)
    {
        var problems = new List<ContentProblem>();
        void Require(bool ok, string where, string message, Guid? clause = null)
        {
            if (!ok) problems.Add(new(where, message, clause));
        }
        void Length(string? text, int max, string where, Guid? clause = null) =>
            Require(text is null || text.Length <= max, where, AgreementLimits.TooLong(text?.Length ?? 0, max), clause);

        // The same limits as the workbook's, so whatever is saved can be exported and imported again.
        foreach (var (part, message) in AgreementWorkbookMap.OverLimits(PartCounts.Of(c))) problems.Add(new(part, message));

        Require(c.ServiceTitle.Length > 0, "عنوان خدمت", "عنوان خدمت در توافقنامه را بنویسید.");
        Length(c.ServiceTitle, TitleMax, "عنوان خدمت");
        Require(c.ProviderName.Length > 0, "دستگاه ارائه‌دهنده", "نام دستگاه ارائه‌دهنده در توافقنامه را بنویسید.");
        Length(c.ProviderName, NameMax, "دستگاه ارائه‌دهنده");
        Length(c.DocumentTitle, TitleMax, "عنوان سند");
        Length(c.ValidityText, TitleMax, "اعتبار");
        Length(c.Signatory, TitleMax, "امضاکننده");
        Length(c.RecipientsDescription, TextMax, "گیرندگان خدمت");
        Length(c.Letterhead, TextMax, "سربرگ");
        Length(c.Subheading, TextMax, "زیرعنوان");
        Length(c.CostNote, TextMax, "هزینه‌ها");
        Length(c.PaymentsIntro, TextMax, "سازوکار پرداخت");
        Length(c.ProviderObligationsIntro, TextMax, "تعهدات");
        Length(c.RecipientObligationsIntro, TextMax, "تعهدات");
        Require(c.Sections.Select(s => s.Kind).Distinct().Count() == c.Sections.Count, "بخش‌ها", "هر بخش یک بار می‌آید.");
        foreach (var s in c.Sections) Length(s.Body, TextMax, $"بخش «{Labels.Of(s.Kind)}»", s.Clause);

        void RowsNeed(SectionKind kind, bool hasRows, string rows) =>
            Require(!hasRows || c.Has(kind), rows, $"{rows} هست اما بخش «{Labels.Of(kind)}» نیست؛ بخش را بیفزایید یا ردیف‌ها را بردارید.");
        RowsNeed(SectionKind.Obligations, c.Obligations.Count > 0, "تعهدات");
        RowsNeed(SectionKind.Data, c.DataRows.Count > 0, "ردیف‌های داده");
        RowsNeed(SectionKind.Costs, c.Fees.Count + c.Payments.Count > 0, "هزینه‌ها و سازوکار پرداخت");
        RowsNeed(SectionKind.Responsibility, c.LegalReferences.Count > 0, "مبانی قانونی");
        RowsNeed(SectionKind.Definitions, c.Definitions.Count > 0, "تعاریف");
        RowsNeed(SectionKind.Appendix, c.AppendixItems.Count > 0, "ردیف‌های پیوست");
        Require(!(c.IsFree == true && c.Fees.Count > 0), "هزینه‌ها", "خدمت رایگان ردیف هزینه ندارد؛ یا «دارای هزینه» را برگزینید یا ردیف‌ها را بردارید.");

        foreach (var o in c.Obligations)
        {
            var where = $"تعهد {Labels.Of(o.Side)}، ردیف {PersianDigits.Of(o.Order)}";
            Require(o.Text.Length > 0, where, "متن تعهد را بنویسید.", o.Clause);
            Length(o.Text, TextMax, where, o.Clause);
            Length(o.Target, TitleMax, where, o.Clause);
        }
        foreach (var d in c.DataRows)
        {
            Require(d.DataType.Length > 0, $"داده ردیف {PersianDigits.Of(d.Order)}", "نوع داده را بنویسید.", d.Clause);
            Length(d.DataType, TitleMax, $"داده ردیف {PersianDigits.Of(d.Order)}", d.Clause);
        }
        foreach (var f in c.Fees)
        {
            var where = $"هزینه ردیف {PersianDigits.Of(f.Order)}";
            Require(f.ServiceName.Length > 0, where, "خدمتی را که هزینه دارد بنویسید.", f.Clause);
            Require(f.AmountRials is null or >= 0, where, "مبلغ نمی‌تواند منفی باشد.", f.Clause);
            Length(f.ServiceName, TextMax, where, f.Clause);
            Length(f.Description, TextMax, where, f.Clause);
        }
        foreach (var p in c.Payments)
        {
            var where = $"پرداخت ردیف {PersianDigits.Of(p.Order)}";
            Require(p.Description.Length > 0, where, "شرح واریز را بنویسید.", p.Clause);
            Length(p.Description, TextMax, where, p.Clause);
            Length(p.AccountOwnerName, NameMax, where, p.Clause);
            Require(p.Iban is null || p.Iban.Length <= 64, where, "شماره شبا بیش از ۶۴ نویسه است.", p.Clause);
        }
        foreach (var l in c.LegalReferences)
        {
            var where = $"مبنای قانونی ردیف {PersianDigits.Of(l.Order)}";
            Require(l.Title.Length > 0, where, "عنوان مبنای قانونی را بنویسید.", l.Clause);
            foreach (var text in (string?[])[l.Title, l.ArticleOrClause, l.ApprovingBody, l.Number, l.Note]) Length(text, TextMax, where, l.Clause);
        }
        foreach (var d in c.Definitions)
        {
            var where = $"تعریف ردیف {PersianDigits.Of(d.Order)}";
            Require(d.Term.Length > 0 && d.Text.Length > 0, where, "اصطلاح و تعریف هر دو لازم است.", d.Clause);
            Length(d.Term, TextMax, where, d.Clause);
            Length(d.Text, TextMax, where, d.Clause);
        }
        foreach (var a in c.AppendixItems)
        {
            Require(a.Text.Length > 0, $"پیوست ردیف {PersianDigits.Of(a.Order)}", "متن ردیف پیوست را بنویسید.", a.Clause);
            Length(a.Text, TextMax, $"پیوست ردیف {PersianDigits.Of(a.Order)}", a.Clause);
        }
        return problems;
    }
}
