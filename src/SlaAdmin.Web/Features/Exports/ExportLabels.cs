using SlaAdmin.Data.Entities;

namespace SlaAdmin.Features.Exports;

/// <summary>
/// The Persian words the exports use for enum values, in one place until the shared
/// SlaAdmin.Components.Shared.Labels reaches main; then this file goes and its callers use Labels.Of.
/// The words are the same as there.
/// </summary>
internal static class ExportLabels
{
    public static string Of(bool value) => value ? "بلی" : "خیر";

    public static string Of(ServiceStatus value) => value switch
    {
        ServiceStatus.Active => "فعال",
        ServiceStatus.Inactive => "غیرفعال",
        ServiceStatus.Planned => "در دست راه‌اندازی",
        _ => value.ToString(),
    };

    public static string Of(AgreementStatus value) => value switch
    {
        AgreementStatus.Draft => "پیش‌نویس",
        AgreementStatus.InReview => "در حال بررسی",
        AgreementStatus.Approved => "تأییدشده",
        AgreementStatus.Published => "منتشرشده",
        AgreementStatus.Superseded => "جایگزین‌شده",
        AgreementStatus.Expired => "منقضی",
        _ => value.ToString(),
    };

    public static string Of(ObligationSide value) => value switch
    {
        ObligationSide.Provider => "سازمان",
        ObligationSide.Recipient => "متقاضی",
        _ => value.ToString(),
    };

    public static string Of(DataParty value) => value switch
    {
        DataParty.Applicant => "متقاضی",
        DataParty.Organization => "سازمان",
        DataParty.ExecutiveAgency => "دستگاه اجرایی",
        _ => value.ToString(),
    };

    public static string Of(StorageLevel value) => value switch
    {
        StorageLevel.Full => "کامل",
        StorageLevel.Partial => "جزئی",
        StorageLevel.None => "هیچ",
        _ => value.ToString(),
    };

    public static string Of(PublicationScope value) => value switch
    {
        PublicationScope.Organization => "سطح سازمان",
        PublicationScope.Public => "سطح مردم",
        PublicationScope.NotPublished => "عدم انتشار",
        _ => value.ToString(),
    };
}
