using SlaAdmin.Data.Entities;

namespace SlaAdmin.Features.Agreements;

/// <summary>
/// The national template's standard wording, as the five agreements share it (seed 000's clean
/// reading): the recurring obligations of each side, and the introduction, objective, dispute
/// resolution, performance and termination texts. «{خدمت}», «{دستگاه}» and «{گیرندگان}» stand for the
/// service's, the provider's and the recipients' names. A new agreement starts from it and the clause
/// library is seeded from it.
/// </summary>
public static class StandardClauses
{
    public const string Service = "{خدمت}", Provider = "{دستگاه}", Recipients = "{گیرندگان}";

    public static IReadOnlyList<StandardClause> Library { get; } =
    [
        new(LibraryClauseKind.ProviderObligation, "پایبندی به زمان اعلام‌شده در میز خدمت",
            "سازمان متعهد می‌شود به زمان ارائه شده در میز خدمت سازمان برای ارائه خدمت {خدمت}، در صورت کامل بودن مدارک متقاضی و عدم وجود مشکل در درخواست وارده، پایبند باشد."),
        new(LibraryClauseKind.ProviderObligation, "دریافت تنها مدارک اعلام‌شده",
            "سازمان متعهد می‌شود جهت ارائه خدمت، صرفاً مدارک اعلام شده در میز خدمت سازمان را از خدمت‌گیرنده دریافت نماید."),
        new(LibraryClauseKind.ProviderObligation, "پایبندی به فرایندهای اعلام‌شده",
            "سازمان متعهد می‌شود که به فرایندهای اعلام شده در میز خدمت سازمان، جهت ارائه خدمت پایبند باشد."),
        new(LibraryClauseKind.ProviderObligation, "دسترس‌پذیری ۷*۲۴ و اطلاع‌رسانی قطعی",
            "سازمان متعهد می‌شود سامانه میز خدمت سازمان و نیز سامانه ارائه خدمت را به صورت ۷*۲۴ جهت سرویس‌دهی به متقاضیان در دسترس باشد و در صورت بروز هر نوع مشکلی که منجر به از دسترس خارج شدن این سامانه شود، اطلاع‌رسانی شفاف در این خصوص انجام دهد.", "24×7"),
        new(LibraryClauseKind.ProviderObligation, "رسیدگی بی‌طرفانه به شکایت",
            "سازمان متعهد می‌شود در صورت دریافت شکایت از ارائه خدمت از سوی متقاضی، بدون جانبداری و با رعایت انصاف و عدالت، رسیدگی به شکایت را دستور کار قرار دهد."),
        new(LibraryClauseKind.ProviderObligation, "اطلاع‌رسانی هر تغییر از میز خدمت",
            "سازمان متعهد می‌شود هر نوع تغییری در فرآیندها، سامانه‌ها، مدارک و ضوابط ارائه خدمت را از طریق میز خدمت سازمان اطلاع‌رسانی نماید."),
        new(LibraryClauseKind.ProviderObligation, "پاسخ‌گویی با اولویت بالا",
            "سازمان متعهد می‌شود نسبت به پاسخگویی سوالات متقاضیان با اولویت بالا در کانال‌های معرفی شده در میز خدمت سازمان، تمام تلاش و اهتمام خود را به کار گیرد."),
        new(LibraryClauseKind.ProviderObligation, "مراجعه حضوری نه بیش از اعلام‌شده",
            "سازمان متعهد می‌شود تعداد دفعات مراجعه فیزیکی متقاضی از تعداد دفعات اعلامی در میز خدمت سازمان بیشتر نباشد."),
        new(LibraryClauseKind.ProviderObligation, "ادب و صبوری کارشناسان",
            "سازمان متعهد می‌شود کارشناسان این سازمان نسبت به رعایت ادب، احترام، متانت و صبوری در فرایند پاسخگویی به متقاضیان خدمت، نهایت تلاش خود را انجام دهند."),
        new(LibraryClauseKind.RecipientObligation, "ارائه مدارک تنها از سامانه اعلام‌شده",
            "متقاضی دریافت این خدمت مکلف است مدارک خود را تنها از طریق سامانه اعلام شده در میز خدمت سازمان، به این دستگاه ارائه نماید."),
        new(LibraryClauseKind.RecipientObligation, "شکایت تنها از کانال‌های مجاز",
            "متقاضی متعهد می‌شود جهت ارائه شکایت خود صرفاً از طریق کانال‌های مجاز معرفی شده در میز خدمت سازمان اقدام نماید."),
        new(LibraryClauseKind.RecipientObligation, "دقت در تکمیل مدارک",
            "متقاضی متعهد می‌شود در هنگام تکمیل مدارک مورد نیاز نهایت دقت خود جهت تسریع در انجام امور و جلوگیری از دوباره‌کاری را به خرج دهد."),
        new(LibraryClauseKind.RecipientObligation, "ادب و صبوری متقاضی",
            "متقاضی متعهد می‌شود نسبت به رعایت ادب، و احترام و متانت و صبوری، در هنگام مراجعه به کارشناسان این سازمان جهت دریافت خدمت، نهایت تلاش خود را انجام دهد."),
        new(LibraryClauseKind.DisputeResolution, "مذاکره، سپس شکایت از میز خدمت و کمیته",
            "در صورت وجود اختلاف بین دو سازمان ارائه‌دهنده و دریافت‌کننده خدمت در ارتباط با نحوه اجرای مفاد این توافقنامه، این اختلافات در وهله اول باید بین طرفین اختلاف از طریق مذاکره حل شود. در صورت عدم رفع اختلاف از طریق مذاکره، متقاضی می‌تواند از طریق مکانیزم معرفی شده در میز خدمت، شکایت خود را ثبت نماید. شکایت توسط کمیته‌ای در داخل سازمان بررسی و نتیجه آن به متقاضی اعلام می‌گردد."),
        new(LibraryClauseKind.Termination, "توافقنامه تازه در دوره بعد",
            "در دوره بعدی در صورت صلاحدید و نیاز به اعمال تغییر، یک توافقنامه سطح خدمت جدید ایجاد و امضا خواهد شد تا ارائه خدمات ادامه یابد."),
    ];

    public const string Introduction =
        "این توافق‌نامه سطح خدمات به منزله قراردادی فیما بین {دستگاه}، در نقش ارائه‌دهنده خدمات الکترونیکی از یک سو (که از این پس با عنوان سازمان خوانده می‌شود) و {گیرندگان} در نقش دریافت‌کننده خدمات الکترونیکی از سوی دیگر (از این پس با نام متقاضی خوانده می‌شود)، ارائه می‌شود. این توافق‌نامه بر تکالیف و مسئولیت‌های هر دو رکن، عملکرد و کیفیت مورد انتظار از خدمات ارائه شده و در نهایت، جرایم در نظر گرفته شده در صورت تخطی از کیفیت مورد انتظار تمرکز دارد.";

    public const string Objective =
        "هدف از این توافق‌نامه سطح خدمت این است که به منظور ارائه با کیفیت خدمت ارائه شده توسط {دستگاه}، کیفیت تحویل {خدمت} برای خدمت‌گیرندگان مورد توافق قرار گیرد. این بیانیه، سطح توافق دو جانبه در خصوص این خدمت، روش‌های نظارت و مسئولیت‌های سازمانی را در صورت لزوم مشخص می‌کند.";

    public const string DataIntro = "در جدول زیر، به‌ازای هر نوع داده ارائه شده توسط طرفین، محدوده و شرایط استفاده از آن داده توسط سازمان طرف دیگر مشخص شده است.";

    public const string CostsIntro = "هزینه‌هایی که متقاضی جهت دریافت خدمت باید متحمل شود شامل موارد زیر می‌شود:";

    public const string ProviderObligationsIntro = "تعهدات {دستگاه} در خصوص خدمت {خدمت} به شرح زیر می‌باشد:";
    public const string RecipientObligationsIntro = "تعهدات خدمت‌گیرنده در خصوص خدمت {خدمت} به شرح زیر می‌باشد:";

    /// <summary>The standard text with the names filled in; a name not given stays as its placeholder for the editor to see.</summary>
    public static string Fill(string text, string? service, string? provider, string? recipients) =>
        text.Replace(Service, string.IsNullOrWhiteSpace(service) ? Service : service, StringComparison.Ordinal)
            .Replace(Provider, string.IsNullOrWhiteSpace(provider) ? Provider : provider, StringComparison.Ordinal)
            .Replace(Recipients, string.IsNullOrWhiteSpace(recipients) ? Recipients : recipients, StringComparison.Ordinal);

    /// <summary>A new agreement's content: every section of the template with the standard wording and the names filled in.</summary>
    public static AgreementContent Template(string service, string provider, string? recipients)
    {
        string F(string text) => Fill(text, service, provider, recipients);
        SectionLine Section(SectionKind kind, string body) => new(Guid.NewGuid(), kind, body);
        var provided = Library.Where(c => c.Kind == LibraryClauseKind.ProviderObligation).ToList();
        var received = Library.Where(c => c.Kind == LibraryClauseKind.RecipientObligation).ToList();
        return new AgreementContent
        {
            ServiceTitle = service,
            ProviderName = provider,
            RecipientsDescription = recipients,
            DocumentTitle = service,
            StatesClauseCount = true,
            ProviderObligationsIntro = F(ProviderObligationsIntro),
            RecipientObligationsIntro = F(RecipientObligationsIntro),
            Sections =
            [
                Section(SectionKind.Introduction, F(Introduction)),
                Section(SectionKind.Objective, F(Objective)),
                Section(SectionKind.Responsibility, ""),
                Section(SectionKind.Obligations, ""),
                Section(SectionKind.Data, DataIntro),
                Section(SectionKind.Costs, CostsIntro),
                Section(SectionKind.DisputeResolution, F(Library.Single(c => c.Kind == LibraryClauseKind.DisputeResolution).Text)),
                Section(SectionKind.Performance, F(Library.Single(c => c.Kind == LibraryClauseKind.Termination).Text)),
                Section(SectionKind.Termination, ""),
            ],
            Obligations =
            [
                .. provided.Select((c, i) => new ObligationLine(Guid.NewGuid(), ObligationSide.Provider, i + 1, F(c.Text), c.Target)),
                .. received.Select((c, i) => new ObligationLine(Guid.NewGuid(), ObligationSide.Recipient, i + 1, F(c.Text), c.Target)),
            ],
        }.Normalized();
    }
}

/// <summary>One standard clause: what it is, a short title to choose it by, its wording, and its measurable target if any.</summary>
public sealed record StandardClause(LibraryClauseKind Kind, string Title, string Text, string? Target = null);
