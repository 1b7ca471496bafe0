namespace SlaAdmin.Data;

/// <summary>A change to a published or superseded version (or one of its parts) was refused by the save pipeline.</summary>
public sealed class FrozenVersionException(int versionNumber)
    : InvalidOperationException($"نسخه {Persian.PersianDigits.Format(versionNumber)} منتشر شده است و تغییر نمی‌کند؛ چیزی ذخیره نشد. برای تغییر، از آن پیش‌نویس تازه‌ای بسازید.")
{
    public int VersionNumber { get; } = versionNumber;
}
