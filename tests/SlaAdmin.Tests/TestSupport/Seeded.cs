namespace SlaAdmin.Tests.TestSupport;

/// <summary>The catalogue titles and parties of the five seeds (Data/Seeds/*.json).</summary>
public static class Seeded
{
    public const string Certificate = "صدور گواهی احراز اصالت و سلامت اداری";        // 000
    public const string SmartServices = "توسعه و پشتیبانی سامانه‌های ملی ارائه خدمات هوشمند"; // 001
    public const string SoftwareApproval = "صدور تاییدیه فنی نرم‌افزار";              // 002
    public const string ExchangeCentre = "راهبری دریافت سرویس از مرکز ملی تبادل اطلاعات"; // 003
    public const string Khorasan = "توافقنامه سطح خدمات استانداری خراسان جنوبی";       // 004

    public const string Ito = "سازمان فناوری اطلاعات ایران";
    public const string Governorate = "استانداری خراسان جنوبی";

    /// <summary>002's IBAN as printed: 25 characters, fails the mod-97 check.</summary>
    public const string InvalidIban = "IR54010000400100090100108";
}
