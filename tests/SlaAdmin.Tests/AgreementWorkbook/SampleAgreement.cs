using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements.Workbook;
using SlaAdmin.Persian;

namespace SlaAdmin.Tests.AgreementWorkbook;

/// <summary>
/// An agreement in the shape of seed 002 with the awkward cases a workbook must carry: formula-looking
/// obligations, the invalid IBAN printed in 002, a leap-year end date, a multi-line section, an empty appendix section,
/// a service card partly known (the rest unknown).
/// </summary>
internal static class SampleAgreement
{
    public const string Hyperlink = "=HYPERLINK(\"http://evil.example\",\"کلیک\")";
    public const string InvalidIban = "IR54010000400100090100108";

    public static AgreementVersion Version()
    {
        var provider = new Organization { Id = 1, Name = "سازمان فناوری اطلاعات ایران", Kind = OrganizationKind.ExecutiveAgency };
        var service = new EService
        {
            Id = 7,
            Title = "صدور تاییدیه فنی نرم‌افزار",
            Provider = provider,
        };
        service.Recipients.Add(new Organization { Id = 3, Name = "شرکت‌ها", Kind = OrganizationKind.Company });
        service.Recipients.Add(new Organization { Id = 4, Name = "اشخاص حقیقی", Kind = OrganizationKind.NaturalPerson });
        var agreement = new Agreement { Id = 12, EService = service, EServiceId = 7 };
        var version = new AgreementVersion
        {
            Id = 30,
            AgreementId = 12,
            Agreement = agreement,
            Number = 3,
            Status = AgreementStatus.Published,
            ServiceTitle = "صدور تاییدیه فنی نرم‌افزار",
            ProviderName = "سازمان فناوری اطلاعات ایران",
            RecipientsDescription = "توسعه‌دهندگان نرم‌افزار",
            Letterhead = "وزارت ارتباطات و فناوری اطلاعات\nسازمان فناوری اطلاعات ایران",
            DocumentTitle = "توافقنامه سطح خدمت صدور تاییدیه فنی نرم‌افزار",
            ValidUntil = Jalali.EndOfYear(1403),
            ValidityText = "تا پایان سال ۱۴۰۳",
            Signatory = "رئیس سازمان فناوری اطلاعات ایران",
            StatesClauseCount = true,
            ProviderObligationsIntro = "سازمان متعهد می‌شود:",
            RecipientObligationsIntro = "متقاضی متعهد می‌شود:",
            IsFree = false,
            CostNote = "هزینه ارائه خدمت شامل پشتیبانی نیز می‌شود.",
            Subheading = "سازمان فناوری اطلاعات ایران",
            PaymentsIntro = "مکانیزم واریز به شرح زیر می‌باشد:",
            ConcurrencyStamp = Guid.Parse("0b7f3c52-6a4e-4f0e-9a51-6d0c2b8e9f11"),
        };
        agreement.Versions.Add(version);

        version.Sections.AddRange(
        [
            new Section { Kind = SectionKind.Introduction, Body = "این توافقنامه میان سازمان و متقاضی است.\nسازمان ارائه‌دهنده و متقاضی گیرنده خدمت است." },
            new Section { Kind = SectionKind.Objective, Body = "هدف، کیفیت ارائه خدمت است." },
            new Section { Kind = SectionKind.Definitions, Body = "" },
            new Section { Kind = SectionKind.Responsibility, Body = "بر پایه ماده ۲۱ قانون ارتقای سلامت اداری." },
            new Section { Kind = SectionKind.Obligations, Body = "" },
            new Section { Kind = SectionKind.Data, Body = "" },
            new Section { Kind = SectionKind.Costs, Body = "" },
            new Section { Kind = SectionKind.Performance, Body = "تا پایان سال ۱۴۰۳." },
            new Section { Kind = SectionKind.Termination, Body = "این توافقنامه در نه بند تدوین شده است." },
            new Section { Kind = SectionKind.Appendix, Body = "" },
        ]);
        version.Obligations.AddRange(
        [
            new Obligation { Side = ObligationSide.Provider, Order = 1, Text = "زمان‌های اعلام‌شده در میز خدمت را رعایت کند.", Target = "۲۴×۷" },
            new Obligation { Side = ObligationSide.Provider, Order = 2, Text = Hyperlink },
            new Obligation { Side = ObligationSide.Provider, Order = 3, Text = "+1" },
            new Obligation { Side = ObligationSide.Recipient, Order = 1, Text = "-2" },
            new Obligation { Side = ObligationSide.Recipient, Order = 2, Text = "@x", Target = "https://ito.gov.ir/page/certificates" },
        ]);
        version.DataRows.AddRange(
        [
            new DataClassificationRow { Order = 1, DataType = "فرم‌ها و مدارک ارائه شده", ProvidingUnit = DataParty.Applicant, ReceivingUnit = DataParty.Organization, StorageLevel = StorageLevel.Full, UsedForAnalytics = false, PublicVisible = false, PublicationScope = PublicationScope.Organization },
            new DataClassificationRow { Order = 2, DataType = "فایل صادر شده", ProvidingUnit = DataParty.Organization, ReceivingUnit = DataParty.Applicant, StorageLevel = StorageLevel.Full, UsedForAnalytics = true, PublicVisible = true, PublicationScope = PublicationScope.Public },
        ]);
        version.Fees.Add(new Fee { Order = 1, ServiceName = "صدور تاییدیه فنی", CostType = CostType.Provision, Description = "شامل پشتیبانی", AmountRials = 100_000 });
        version.PaymentMechanisms.Add(new PaymentMechanism
        {
            Order = 1, Description = "واریز ۱۰۰ هزار ریال به حساب وزارت امور اقتصادی و دارایی", AccountOwnerName = "وزارت امور اقتصادی و دارایی",
            Iban = InvalidIban, Channels = PaymentChannels.Online | PaymentChannels.Manual,
        });
        version.LegalReferences.AddRange(
        [
            new LegalReference { Order = 1, Title = "قانون ارتقای سلامت اداری و مقابله با فساد", ArticleOrClause = "ماده ۲۱", ApprovingBody = "مجلس شورای اسلامی", Date = Jalali.ToDate(1390, 7, 8) },
            new LegalReference { Order = 2, Title = "مصوبه شورای عالی فضای مجازی", Number = "1/142568", Date = Jalali.ToDate(1397, 7, 30), Note = "جلسه ۵۳" },
            new LegalReference { Order = 3, Title = "اصل ۱۱۲ قانون اساسی" },
        ]);
        version.Definitions.AddRange(
        [
            new Definition { Order = 1, Term = "ارائه‌دهنده", Text = "سازمان فناوری اطلاعات ایران" },
            new Definition { Order = 2, Term = "دوره", Text = "یک سال شمسی با ماه‌های ۳۰ روزه" },
        ]);
        version.AppendixItems.Add(new AppendixItem { Order = 1, Text = "فهرست خدمات" });

        // Fixed clause identities, so two calls give the same agreement.
        VersionPart[] parts = [.. version.Sections, .. version.Obligations, .. version.DataRows, .. version.Fees, .. version.PaymentMechanisms,
            .. version.LegalReferences, .. version.Definitions, .. version.AppendixItems];
        for (var i = 0; i < parts.Length; i++) parts[i].ClauseId = new Guid(i + 1, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0x5a]);
        return version;
    }

    public const string NationalId = "10611234567";

    /// <summary>Known: identifier, nature, types, web address; everything else unknown.</summary>
    public static ServiceCard Card() => new()
    {
        NationalId = NationalId,
        Nature = ServiceNature.Sovereign,
        Types = ServiceTypes.G2C | ServiceTypes.G2B,
        WebAddress = "https://ito.gov.ir",
    };

    public static AgreementWorkbookModel Model() => AgreementWorkbookModel.FromVersion(Version(), ["شرکت‌ها", "اشخاص حقیقی"], Card());

    public static byte[] Workbook() => AgreementWorkbookExporter.Export(Model(), "reviewer@example.ir");
}
