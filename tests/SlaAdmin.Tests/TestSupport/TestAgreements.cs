using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Tests.TestSupport;

/// <summary>
/// Agreements arranged in tests, shaped like the seeds where it matters: 001 (seven sections, no data
/// section, valid to 1403/12/30), 002 (a fee and the 25-character IBAN), 004 (a governorate, no
/// clause-count sentence, an empty appendix), and one inactive service with no agreement.
/// </summary>
public static class TestAgreements
{
    public const string Ito = "سازمان فناوری اطلاعات ایران";
    public const string Governorate = "استانداری خراسان جنوبی";
    public const string InvalidIban = "IR54010000400100090100108";

    public static async Task<Arranged> AddAsync(SlaDbContext db)
    {
        var ito = new Organization { Name = Ito, Kind = OrganizationKind.ExecutiveAgency };
        var governorate = new Organization { Name = Governorate, Kind = OrganizationKind.ExecutiveAgency };
        var finance = new Organization { Name = "وزارت امور اقتصادی و دارایی", Kind = OrganizationKind.GovernmentUnit };
        var developers = new Organization { Name = "شرکت‌های توسعه‌دهنده نرم‌افزار", Kind = OrganizationKind.Company };

        var smart = Service("توسعه و پشتیبانی سامانه‌های ملی ارائه خدمات هوشمند", ito, "https://sso.ito.gov.ir");
        var smartVersion = Version(smart, Jalali.ToDate(1403, 12, 30), "تا پایان سال 1403", statesCount: true,
            SectionKind.Introduction, SectionKind.Objective, SectionKind.Responsibility, SectionKind.Obligations,
            SectionKind.Costs, SectionKind.Performance, SectionKind.Termination);
        Obligations(smartVersion, ObligationSide.Provider, 6);
        Obligations(smartVersion, ObligationSide.Recipient, 3);
        smartVersion.Obligations[3].Target = "24×7";
        smartVersion.IsFree = true;
        smartVersion.CostNote = "خدمت در حال حاضر رایگان است.";
        smartVersion.Signatory = "رئیس سازمان فناوری اطلاعات ایران";
        smartVersion.LegalReferences.Add(new LegalReference
        {
            Order = 1, Title = "مصوبه شورای عالی فضای مجازی", ArticleOrClause = "مصوبه شماره ۱ جلسه ۵۳", Date = Jalali.ToDate(1397, 7, 30),
        });

        var approval = Service("صدور تاییدیه فنی نرم‌افزار", ito, "https://ito.gov.ir/Home/ServiceDesk");
        var approvalVersion = Version(approval, null, "تا پایان دولت یازدهم", statesCount: true,
            SectionKind.Introduction, SectionKind.Objective, SectionKind.Responsibility, SectionKind.Obligations,
            SectionKind.Data, SectionKind.Costs, SectionKind.DisputeResolution, SectionKind.Performance, SectionKind.Termination);
        Obligations(approvalVersion, ObligationSide.Provider, 10);
        Obligations(approvalVersion, ObligationSide.Recipient, 4);
        approvalVersion.DataRows.Add(new DataClassificationRow
        {
            Order = 1, DataType = "فرم‌ها و مدارک ارائه شده", ProvidingUnit = DataParty.Applicant, ReceivingUnit = DataParty.Organization,
            StorageLevel = StorageLevel.Full, UsedForAnalytics = false, PublicVisible = false, PublicationScope = PublicationScope.Organization,
        });
        approvalVersion.DataRows.Add(new DataClassificationRow
        {
            Order = 2, DataType = "فایل صادر شده", ProvidingUnit = DataParty.Organization, ReceivingUnit = DataParty.Applicant,
            StorageLevel = StorageLevel.Full, UsedForAnalytics = false, PublicVisible = true, PublicationScope = PublicationScope.Public,
        });
        approvalVersion.Fees.Add(new Fee { Order = 1, ServiceName = "صدور تاییدیه فنی", CostType = CostType.Provision, Description = "شامل پشتیبانی", AmountRials = 100_000 });
        approvalVersion.PaymentMechanisms.Add(new PaymentMechanism
        {
            Order = 1, Description = "واریز ۱۰۰ هزار ریال", AccountOwner = finance, Iban = InvalidIban,
            Channels = PaymentChannels.Online | PaymentChannels.Manual,
        });

        var governorateServices = Service("توافقنامه سطح خدمات استانداری خراسان جنوبی", governorate, "SKO.IR");
        var governorateVersion = Version(governorateServices, Jalali.ToDate(1398, 12, 29), null, statesCount: false,
            SectionKind.Introduction, SectionKind.Objective, SectionKind.Responsibility, SectionKind.Definitions,
            SectionKind.Obligations, SectionKind.Performance, SectionKind.Termination, SectionKind.Appendix);
        Obligations(governorateVersion, ObligationSide.Provider, 4);
        Obligations(governorateVersion, ObligationSide.Recipient, 1);
        governorateVersion.Definitions.Add(new Definition { Order = 1, Term = "دوره", Text = "یک سال شمسی با ماه‌های ۳۰ روزه" });

        // A catalogue entry without an agreement yet, and not active.
        var certificate = Service("صدور گواهی احراز اصالت و سلامت اداری", ito, "https://ito.gov.ir/Home/ServiceDesk");
        certificate.Status = ServiceStatus.Inactive;

        approval.Recipients.Add(developers);
        db.AddRange(smart, approval, governorateServices, certificate);
        await db.SaveChangesAsync();
        return new Arranged(smart, approval, governorateServices, certificate);
    }

    public sealed record Arranged(EService Smart, EService Approval, EService Governorate, EService Certificate)
    {
        public int SmartAgreementId => Smart.Agreement!.Id;
        public int ApprovalAgreementId => Approval.Agreement!.Id;
        public int GovernorateAgreementId => Governorate.Agreement!.Id;
    }

    private static EService Service(string title, Organization provider, string serviceDesk) => new()
    {
        Title = title,
        Provider = provider,
        ServiceDeskUrl = serviceDesk,
        Status = ServiceStatus.Active,
        Level = ServiceLevel.National,
        Types = ServiceTypes.G2B,
        Nature = ServiceNature.Sovereign,
    };

    private static AgreementVersion Version(EService service, DateOnly? validUntil, string? validityText, bool statesCount, params SectionKind[] sections)
    {
        var agreement = new Agreement { EService = service };
        service.Agreement = agreement;
        var version = new AgreementVersion
        {
            Agreement = agreement,
            Number = 1,
            Status = AgreementStatus.Published,
            ValidUntil = validUntil,
            ValidityText = validityText,
            StatesClauseCount = statesCount,
            DocumentTitle = service.Title,
        };
        foreach (var kind in sections) version.Sections.Add(new Section { Kind = kind, Body = $"متن بند {kind}" });
        agreement.Versions.Add(version);
        return version;
    }

    private static void Obligations(AgreementVersion version, ObligationSide side, int count)
    {
        var who = side == ObligationSide.Provider ? "سازمان" : "متقاضی";
        for (var i = 1; i <= count; i++)
        {
            version.Obligations.Add(new Obligation { Side = side, Order = i, Text = $"{who} متعهد می‌شود تعهد شماره {i} را انجام دهد." });
        }
    }
}
