using SlaAdmin.Persian;

namespace SlaAdmin.Data.Entities;

/// <summary>The rules of an agreement's validity, in one place: expiry is computed, never stored.</summary>
public static class Validity
{
    /// <summary>Expired once its last valid day has passed; an agreement valid until an event («تا پایان دولت یازدهم») never expires by date.</summary>
    public static bool IsExpired(DateOnly? validUntil, DateOnly today) => validUntil is { } end && end < today;

    public static bool ExpiresWithin(DateOnly? validUntil, DateOnly today, int days) =>
        validUntil is { } end && end >= today && end <= today.AddDays(days);

    /// <summary>The validity as one Persian phrase: «تا ۱۴۰۰/۱۲/۲۹ (تا پایان سال ۱۴۰۰)», or «نامشخص».</summary>
    public static string Sentence(DateOnly? validUntil, string? validityText) =>
        (validUntil, validityText) switch
        {
            ({ } end, { Length: > 0 } text) => $"تا {Jalali.FormatPersian(end)} ({PersianDigits.ToPersian(text)})",
            ({ } end, _) => $"تا {Jalali.FormatPersian(end)}",
            (null, { Length: > 0 } text) => PersianDigits.ToPersian(text),
            _ => Unknown.Text,
        };
}

/// <summary>A fact no one gave.</summary>
public static class Unknown
{
    public const string Text = "نامشخص";
}
