using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;

namespace SlaAdmin.IntegrationTests.Exports;

/// <summary>
/// What the export tests add to the five seed agreements: a service whose agreement has a version in
/// force (version 1, ended in 2021, with a formula-looking obligation) and a draft version 2 beside it
/// (so only the version in force may be exported), and a service typed with an Arabic yeh that has no
/// agreement yet.
/// </summary>
internal static class ExportCatalogue
{
    public const string Ito = "سازمان فناوری اطلاعات ایران";
    public const string Certificate = "صدور گواهی احراز اصالت و سلامت اداری";
    public const string Approval = "صدور تاییدیه فنی نرم‌افزار";
    public const string Versioned = "خدمت آزمایشی با دو نسخه";
    public const string Signature = "گواهی امضای الکترونیکی";

    public static async Task ArrangeAsync(SlaDbContext db)
    {
        var ito = await db.Organizations.SingleAsync(o => o.Name == Ito);

        var versioned = new EService { Title = Versioned, NationalId = "10000000001", Provider = ito, Status = ServiceStatus.Active };
        var inForce = new AgreementVersion { Number = 1, Status = AgreementStatus.Published, ValidUntil = new DateOnly(2021, 3, 20), IsFree = true };
        inForce.Obligations.Add(new Obligation { Side = ObligationSide.Recipient, Order = 1, Text = "متقاضی متعهد می‌شود مدارک را فقط از طریق سامانه ارسال کند." });
        inForce.Obligations.Add(new Obligation { Side = ObligationSide.Provider, Order = 2, Text = "=1+1 در دسترس بودن ۲۴ ساعته", Target = "24×7" });
        inForce.Obligations.Add(new Obligation { Side = ObligationSide.Provider, Order = 1, Text = "سازمان متعهد می‌شود زمان‌های اعلام شده را رعایت کند." });
        inForce.DataRows.Add(Row(1, "فرم درخواست"));
        inForce.DataRows.Add(Row(2, "پاسخ استعلام"));
        foreach (var kind in new[] { SectionKind.Introduction, SectionKind.Obligations, SectionKind.Data, SectionKind.Appendix })
        {
            inForce.Sections.Add(new Section { Kind = kind });
        }
        var draft = new AgreementVersion { Number = 2, Status = AgreementStatus.Draft, ValidUntil = new DateOnly(2030, 3, 20), IsFree = false };
        draft.Obligations.Add(new Obligation { Side = ObligationSide.Provider, Order = 1, Text = "تعهد نسخه پیش‌نویس" });
        draft.DataRows.Add(Row(1, "داده نسخه پیش‌نویس"));
        versioned.Agreement = new Agreement();
        versioned.Agreement.Versions.Add(inForce);
        versioned.Agreement.Versions.Add(draft);

        // Typed with an Arabic yeh; stored normalised, it must match «گواهي» and «گواهی» alike.
        var signature = new EService { Title = "گواهي امضای الکترونیکی", NationalId = "10000000002", Provider = ito, Status = ServiceStatus.Planned };

        // A version and its agreement cannot point at each other in one insert: save, then point.
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.AddRange(versioned, signature);
        await db.SaveChangesAsync();
        versioned.Agreement.InForceVersionId = inForce.Id;
        versioned.Agreement.WorkingVersionId = draft.Id;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private static DataClassificationRow Row(int order, string type) => new()
    {
        Order = order,
        DataType = type,
        ProvidingUnit = DataParty.Applicant,
        ReceivingUnit = DataParty.Organization,
        StorageLevel = StorageLevel.Partial,
        UsedForAnalytics = true,
        PublicVisible = false,
        PublicationScope = PublicationScope.Organization,
    };
}
