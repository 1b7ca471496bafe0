using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Vocabulary;

/// <summary>
/// The Persian word for every value of the model's enums, for pages and workbooks alike, and the way
/// back: <see cref="TryParse{TEnum}(string?, out TEnum)"/> compares folded text, so «كامل» with an
/// Arabic kaf, or a label typed without its zero-width non-joiner, still parses.
/// </summary>
public static class Labels
{
    public const string Yes = "بلی";
    public const string No = "خیر";

    private const string FlagSeparator = "، ";

    private static readonly Dictionary<Type, Dictionary<Enum, string>> Tables = new()
    {
        [typeof(OrganizationKind)] = new()
        {
            [OrganizationKind.ExecutiveAgency] = "دستگاه اجرایی",
            [OrganizationKind.Company] = "شرکت",
            [OrganizationKind.NaturalPerson] = "شخص حقیقی",
            [OrganizationKind.Citizen] = "شهروند",
            [OrganizationKind.GovernmentUnit] = "واحد دولتی",
        },
        [typeof(ServiceStatus)] = new()
        {
            [ServiceStatus.Active] = "فعال",
            [ServiceStatus.Inactive] = "غیرفعال",
            [ServiceStatus.Planned] = "در دست راه‌اندازی",
        },
        [typeof(ServiceNature)] = new()
        {
            [ServiceNature.Sovereign] = "حاکمیتی",
            [ServiceNature.Operational] = "تصدی‌گری",
        },
        [typeof(ServiceTypes)] = new()
        {
            [ServiceTypes.None] = "نامشخص",
            [ServiceTypes.G2C] = "دولت به شهروند",
            [ServiceTypes.G2B] = "دولت به کسب‌وکار",
            [ServiceTypes.G2G] = "دولت به دولت",
        },
        [typeof(ServiceLevel)] = new()
        {
            [ServiceLevel.National] = "ملی",
            [ServiceLevel.Provincial] = "استانی",
            [ServiceLevel.Local] = "محلی",
        },
        [typeof(AgreementStatus)] = new()
        {
            [AgreementStatus.Draft] = "پیش‌نویس",
            [AgreementStatus.InReview] = "در حال بررسی",
            [AgreementStatus.Approved] = "تأییدشده",
            [AgreementStatus.Published] = "منتشرشده",
            [AgreementStatus.Superseded] = "جایگزین‌شده",
        },
        [typeof(SectionKind)] = new()
        {
            [SectionKind.Introduction] = "مقدمه",
            [SectionKind.Objective] = "هدف",
            [SectionKind.Definitions] = "تعاریف",
            [SectionKind.Responsibility] = "مسئولیت",
            [SectionKind.Obligations] = "تعهدات متقابل خدمت‌گیرنده و دستگاه اجرایی",
            [SectionKind.Data] = "داده‌های مرتبط با خدمت",
            [SectionKind.Costs] = "هزینه‌ها و پرداخت‌ها",
            [SectionKind.DisputeResolution] = "فرآیند حل اختلاف",
            [SectionKind.Performance] = "دوره عملکرد",
            [SectionKind.Termination] = "خاتمه توافقنامه",
            [SectionKind.Appendix] = "پیوست",
        },
        [typeof(ObligationSide)] = new()
        {
            [ObligationSide.Provider] = "سازمان",
            [ObligationSide.Recipient] = "متقاضی",
        },
        [typeof(DataParty)] = new()
        {
            [DataParty.Applicant] = "متقاضی",
            [DataParty.Organization] = "سازمان",
            [DataParty.ExecutiveAgency] = "دستگاه اجرایی",
        },
        [typeof(StorageLevel)] = new()
        {
            [StorageLevel.Full] = "کامل",
            [StorageLevel.Partial] = "جزئی",
            [StorageLevel.None] = "هیچ",
        },
        [typeof(PublicationScope)] = new()
        {
            [PublicationScope.Organization] = "سطح سازمان",
            [PublicationScope.Public] = "سطح مردم",
            [PublicationScope.NotPublished] = "عدم انتشار",
        },
        [typeof(CostType)] = new()
        {
            [CostType.Provision] = "ارائه",
            [CostType.Support] = "پشتیبانی",
            [CostType.Other] = "سایر",
        },
        [typeof(ChangeSubject)] = new()
        {
            [ChangeSubject.Service] = "خدمت",
            [ChangeSubject.AgreementVersion] = "نسخه توافقنامه",
            [ChangeSubject.Checklist] = "بررسی تعهدات",
        },
        [typeof(CheckState)] = new()
        {
            [CheckState.Met] = "انجام شده",
            [CheckState.NotMet] = "انجام نشده",
            [CheckState.NotApplicable] = "موضوعیت ندارد",
        },
        [typeof(LibraryClauseKind)] = new()
        {
            [LibraryClauseKind.ProviderObligation] = "تعهد سازمان",
            [LibraryClauseKind.RecipientObligation] = "تعهد متقاضی",
            [LibraryClauseKind.DisputeResolution] = "حل اختلاف",
            [LibraryClauseKind.Termination] = "پایان دوره و خاتمه",
        },
        [typeof(PaymentChannels)] = new()
        {
            [PaymentChannels.None] = "نامشخص",
            [PaymentChannels.Online] = "آنلاین",
            [PaymentChannels.Manual] = "دستی",
        },
    };

    /// <summary>
    /// The Persian word for <paramref name="value"/>. Flags combine their words with «، »
    /// (<c>Online | Manual</c> is «آنلاین، دستی»).
    /// </summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var table = TableOf<TEnum>();
        if (table.TryGetValue(value, out var word)) return word;
        if (IsFlags<TEnum>())
        {
            var bits = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            var words = table
                .Where(e => Convert.ToInt64(e.Key, System.Globalization.CultureInfo.InvariantCulture) is var b && b != 0 && (bits & b) == b)
                .Select(e => e.Value)
                .ToList();
            if (words.Count > 0) return string.Join(FlagSeparator, words);
        }
        throw new ArgumentOutOfRangeException(nameof(value), value, $"No Persian label for {typeof(TEnum).Name}.{value}.");
    }

    public static string Of(bool value) => value ? Yes : No;

    /// <summary>The word for a value that may be unknown: «نامشخص» for null, never a default.</summary>
    public static string Of<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? Of(v) : Unknown.Text;

    public const string Expired = "منقضی";

    /// <summary>A version's status as readers see it: a published version whose validity has passed reads «منقضی».</summary>
    public static string StatusOf(AgreementStatus status, bool expired) =>
        status == AgreementStatus.Published && expired ? Expired : Of(status);

    public const string Free = "رایگان";
    public const string WithFees = "دارای هزینه";

    /// <summary>Costs in three states: «رایگان», «دارای هزینه», «نامشخص».</summary>
    public static string CostsOf(bool? isFree) => isFree switch { true => Free, false => WithFees, null => Unknown.Text };

    /// <summary>Every value with its word, in declaration order (for selects and workbook validation lists).</summary>
    public static IReadOnlyList<(TEnum Value, string Label)> All<TEnum>() where TEnum : struct, Enum =>
        TableOf<TEnum>().OrderBy(e => e.Key).Select(e => ((TEnum)e.Key, e.Value)).ToList();

    /// <summary>
    /// Reads a Persian word back into its value, comparing folded text. Flags accept several words
    /// separated by «،», «,», «/» or « و ». The enum's English name is accepted too.
    /// </summary>
    public static bool TryParse<TEnum>(string? persian, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        var table = TableOf<TEnum>();
        if (!IsFlags<TEnum>()) return TryParseOne(table, persian, out value);

        var parts = (persian ?? "").Split(['،', ',', '/', '|'], StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(p => p.Split(" و ", StringSplitOptions.RemoveEmptyEntries))
            .Where(p => PersianText.Fold(p).Length > 0)
            .ToList();
        if (parts.Count == 0) return false;
        long bits = 0;
        foreach (var part in parts)
        {
            if (!TryParseOne(table, part, out TEnum one)) return false;
            bits |= Convert.ToInt64(one, System.Globalization.CultureInfo.InvariantCulture);
        }
        value = (TEnum)Enum.ToObject(typeof(TEnum), bits);
        return true;
    }

    /// <summary>«بلی» (or «بله») and «خیر».</summary>
    public static bool TryParse(string? persian, out bool value)
    {
        var folded = PersianText.Fold(persian);
        value = folded == PersianText.Fold(Yes) || folded == PersianText.Fold("بله");
        return value || folded == PersianText.Fold(No);
    }

    private static bool TryParseOne<TEnum>(Dictionary<Enum, string> table, string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        var folded = PersianText.Fold(text);
        if (folded.Length == 0) return false;
        foreach (var (key, word) in table)
        {
            if (PersianText.Fold(word) == folded || string.Equals(key.ToString(), folded, StringComparison.OrdinalIgnoreCase))
            {
                value = (TEnum)key;
                return true;
            }
        }
        return false;
    }

    private static Dictionary<Enum, string> TableOf<TEnum>() where TEnum : struct, Enum =>
        Tables.TryGetValue(typeof(TEnum), out var table)
            ? table
            : throw new ArgumentException($"No Persian labels for {typeof(TEnum).Name}.", nameof(TEnum));

    private static bool IsFlags<TEnum>() => typeof(TEnum).IsDefined(typeof(FlagsAttribute), false);
}
