using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.AgreementWorkbook;

/// <summary>
/// The Persian words the workbook uses for enum values and yes/no, and the way back. Kept in this one
/// place until the app-wide <c>SlaAdmin.Components.Shared.Labels</c> lands on main; then this forwards to it.
/// </summary>
internal static class WorkbookLabels
{
    public const string Yes = "بلی";
    public const string No = "خیر";

    private static readonly Dictionary<Type, (Enum Value, string Word)[]> Words = new()
    {
        [typeof(AgreementStatus)] =
        [
            (AgreementStatus.Draft, "پیش‌نویس"), (AgreementStatus.InReview, "در حال بررسی"), (AgreementStatus.Approved, "تأییدشده"),
            (AgreementStatus.Published, "منتشرشده"), (AgreementStatus.Superseded, "جایگزین‌شده"), (AgreementStatus.Expired, "منقضی"),
        ],
        [typeof(SectionKind)] =
        [
            (SectionKind.Introduction, "مقدمه"), (SectionKind.Objective, "هدف"), (SectionKind.Responsibility, "مسئولیت"),
            (SectionKind.Definitions, "تعاریف"), (SectionKind.Obligations, "تعهدات متقابل خدمت‌گیرنده و دستگاه اجرایی"),
            (SectionKind.Data, "داده‌های مرتبط با خدمت"), (SectionKind.Costs, "هزینه‌ها و پرداخت‌ها"),
            (SectionKind.DisputeResolution, "فرآیند حل اختلاف"), (SectionKind.Performance, "دوره عملکرد"),
            (SectionKind.Termination, "خاتمه توافقنامه"), (SectionKind.Appendix, "پیوست"),
        ],
        [typeof(ObligationSide)] = [(ObligationSide.Provider, "سازمان"), (ObligationSide.Recipient, "متقاضی")],
        [typeof(DataParty)] = [(DataParty.Applicant, "متقاضی"), (DataParty.Organization, "سازمان"), (DataParty.ExecutiveAgency, "دستگاه اجرایی")],
        [typeof(StorageLevel)] = [(StorageLevel.Full, "کامل"), (StorageLevel.Partial, "جزئی"), (StorageLevel.None, "هیچ")],
        [typeof(PublicationScope)] = [(PublicationScope.Organization, "سطح سازمان"), (PublicationScope.Public, "سطح مردم"), (PublicationScope.NotPublished, "عدم انتشار")],
        [typeof(CostType)] = [(CostType.Provision, "ارائه"), (CostType.Support, "پشتیبانی"), (CostType.Other, "سایر")],
        [typeof(PaymentChannels)] = [(PaymentChannels.None, "نامشخص"), (PaymentChannels.Online, "آنلاین"), (PaymentChannels.Manual, "دستی")],
    };

    public static string Of(bool value) => value ? Yes : No;

    /// <summary>The word for a value; flags join their words with «، ».</summary>
    public static string Of<T>(T value) where T : struct, Enum
    {
        var words = Words[typeof(T)];
        foreach (var (v, word) in words)
        {
            if (v.Equals(value)) return word;
        }
        var bits = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        var parts = words.Where(w => Convert.ToInt64(w.Value, System.Globalization.CultureInfo.InvariantCulture) is var b && b != 0 && (bits & b) == b).Select(w => w.Word).ToList();
        if (parts.Count == 0) throw new ArgumentOutOfRangeException(nameof(value), value, $"No Persian word for {typeof(T).Name}.{value}.");
        return string.Join("، ", parts);
    }

    /// <summary>Every word of an enum, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Words[typeof(T)].Select(w => w.Word).ToList();

    /// <summary>Reads a word back, comparing folded text (Arabic yeh/kaf, missing ZWNJ); flags accept «،»-separated words.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var words = Words[typeof(T)];
        if (!typeof(T).IsDefined(typeof(FlagsAttribute), false)) return TryOne(words, text, out value);

        long bits = 0;
        var parts = (text ?? "").Split(['،', ',', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return false;
        foreach (var part in parts)
        {
            if (!TryOne<T>(words, part, out var one)) return false;
            bits |= Convert.ToInt64(one, System.Globalization.CultureInfo.InvariantCulture);
        }
        value = (T)Enum.ToObject(typeof(T), bits);
        return true;
    }

    public static bool TryParseYesNo(string? text, out bool value)
    {
        var folded = PersianText.Fold(text);
        value = folded == PersianText.Fold(Yes);
        return value || folded == PersianText.Fold(No);
    }

    private static bool TryOne<T>((Enum Value, string Word)[] words, string? text, out T value) where T : struct, Enum
    {
        var folded = PersianText.Fold(text);
        foreach (var (v, word) in words)
        {
            if (PersianText.Fold(word) == folded)
            {
                value = (T)v;
                return true;
            }
        }
        value = default;
        return false;
    }
}
