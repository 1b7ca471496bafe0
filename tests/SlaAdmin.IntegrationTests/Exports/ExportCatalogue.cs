using SlaAdmin.Data;
using SlaAdmin.Data.Entities;

namespace SlaAdmin.IntegrationTests.Exports;

/// <summary>
/// A small catalogue arranged for the export tests (the seeds are not loaded yet): four services,
/// one with two agreement versions so only the current one may be exported.
/// </summary>
internal static class ExportCatalogue
{
    public const string Certificate = "صدور گواهی احراز اصالت و سلامت اداری";
    public const string Approval = "صدور تاییدیه فنی نرم‌افزار";
    public const string Signature = "گواهی امضای الکترونیکی";
    public const string Governorate = "توافقنامه سطح خدمات استانداری خراسان جنوبی";

    public static async Task ArrangeAsync(SlaDbContext db)
    {
        var ito = new Organization { Name = "سازمان فناوری اطلاعات ایران", Kind = OrganizationKind.ExecutiveAgency };
        var governorate = new Organization { Name = "استانداری خراسان جنوبی", Kind = OrganizationKind.ExecutiveAgency };
        var companies = new Organization { Name = "شرکت‌ها", Kind = OrganizationKind.Company };

        var certificate = new EService
        {
            Title = Certificate, NationalId = "10000000001", Provider = ito, Status = ServiceStatus.Active,
            RecipientsDescription = "شركت‌ها و اشخاص حقیقی توسعه‌دهنده نرم‌افزار",
        };
        certificate.Recipients.Add(companies);
        var old = Version(1, AgreementStatus.Superseded, new DateOnly(2021, 3, 20));
        old.Obligations.Add(new Obligation { Side = ObligationSide.Provider, Order = 1, Text = "تعهد نسخه قدیم" });
        old.DataRows.Add(Row(1, "داده نسخه قدیم", PublicationScope.Organization));
        var current = Version(2, AgreementStatus.Published, new DateOnly(2022, 3, 20));
        current.IsFree = true;
        current.Obligations.Add(new Obligation { Side = ObligationSide.Recipient, Order = 1, Text = "متقاضی متعهد می‌شود مدارک را فقط از طریق سامانه ارسال کند." });
        current.Obligations.Add(new Obligation { Side = ObligationSide.Provider, Order = 2, Text = "=1+1 در دسترس بودن ۲۴ ساعته", Target = "24×7" });
        current.Obligations.Add(new Obligation { Side = ObligationSide.Provider, Order = 1, Text = "سازمان متعهد می‌شود زمان‌های اعلام شده را رعایت کند." });
        current.DataRows.Add(Row(1, "فرم‌ها و مدارک ارائه شده", PublicationScope.Organization));
        current.DataRows.Add(Row(2, "فایل صادر شده", PublicationScope.Public));
        foreach (var kind in new[] { SectionKind.Introduction, SectionKind.Objective, SectionKind.Obligations, SectionKind.Data, SectionKind.Appendix })
        {
            current.Sections.Add(new Section { Kind = kind });
        }
        certificate.Agreement = new Agreement();
        certificate.Agreement.Versions.Add(old);
        certificate.Agreement.Versions.Add(current);

        var approval = new EService { Title = Approval, NationalId = "10000000002", Provider = ito, Status = ServiceStatus.Active };
        var approvalVersion = Version(1, AgreementStatus.Published, null);
        approvalVersion.ValidityText = "تا پایان دولت یازدهم";
        approvalVersion.Obligations.Add(new Obligation { Side = ObligationSide.Provider, Order = 1, Text = "پاسخ‌گویی با اولویت بالا" });
        approvalVersion.DataRows.Add(Row(1, "اطلاعات وب سرویس", PublicationScope.NotPublished));
        approval.Agreement = new Agreement();
        approval.Agreement.Versions.Add(approvalVersion);

        // Typed with an Arabic yeh; stored folded, it must still match «گواهي» and «گواهی».
        var signature = new EService { Title = "گواهي امضای الکترونیکی", NationalId = "10000000003", Provider = ito, Status = ServiceStatus.Planned };

        var governorateService = new EService { Title = Governorate, Provider = governorate, Status = ServiceStatus.Inactive };
        var governorateVersion = Version(1, AgreementStatus.Expired, new DateOnly(2020, 3, 19));
        governorateVersion.Obligations.Add(new Obligation { Side = ObligationSide.Recipient, Order = 1, Text = "ارائه مدارک کامل" });
        governorateService.Agreement = new Agreement();
        governorateService.Agreement.Versions.Add(governorateVersion);

        db.AddRange(certificate, approval, signature, governorateService);
        await db.SaveChangesAsync();
    }

    private static AgreementVersion Version(int number, AgreementStatus status, DateOnly? validUntil) =>
        new() { Number = number, Status = status, ValidUntil = validUntil };

    private static DataClassificationRow Row(int order, string type, PublicationScope scope) => new()
    {
        Order = order,
        DataType = type,
        ProvidingUnit = DataParty.Applicant,
        ReceivingUnit = DataParty.Organization,
        StorageLevel = StorageLevel.Full,
        UsedForAnalytics = false,
        PublicVisible = scope == PublicationScope.Public,
        PublicationScope = scope,
    };
}
