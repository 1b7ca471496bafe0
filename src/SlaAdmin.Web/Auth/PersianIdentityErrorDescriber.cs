using Microsoft.AspNetCore.Identity;
using SlaAdmin.Persian;

namespace SlaAdmin.Auth;

/// <summary>ASP.NET Core Identity's errors (user admin, password changes) in Persian; the codes stay Identity's.</summary>
public sealed class PersianIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "خطای ناشناخته‌ای رخ داد.");

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), "این حساب هم‌زمان جای دیگری تغییر کرده است؛ صفحه را دوباره باز کنید و دوباره بکوشید.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "گذرواژه نادرست است.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "این پیوند یا کد نامعتبر است یا زمانش گذشته است.");

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), "کد بازیابی پذیرفته نشد.");

    public override IdentityError LoginAlreadyAssociated() =>
        Error(nameof(LoginAlreadyAssociated), "این حساب بیرونی پیش‌تر به کاربر دیگری پیوند خورده است.");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), $"نام کاربری «{userName}» درست نیست؛ فقط حروف و رقم‌های لاتین و نشانه‌های - . _ @ + پذیرفته می‌شود.");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"نشانی رایانامهٔ «{email}» درست نیست.");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), $"نام کاربری «{userName}» پیش‌تر گرفته شده است.");

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), $"رایانامهٔ «{email}» پیش‌تر برای کاربر دیگری ثبت شده است.");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"نام نقش «{role}» درست نیست.");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"نقش «{role}» پیش‌تر تعریف شده است.");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "این کاربر گذرواژه دارد.");

    public override IdentityError UserLockoutNotEnabled() =>
        Error(nameof(UserLockoutNotEnabled), "قفل شدن حساب برای این کاربر فعال نیست.");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"کاربر پیش‌تر نقش «{role}» را دارد.");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"کاربر نقش «{role}» را ندارد.");

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"گذرواژه باید دست‌کم {PersianDigits.Of(length)} نویسه باشد.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"گذرواژه باید دست‌کم {PersianDigits.Of(uniqueChars)} نویسهٔ متفاوت داشته باشد.");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), "گذرواژه باید دست‌کم یک نشانه (مانند # یا !) داشته باشد.");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "گذرواژه باید دست‌کم یک رقم (۰ تا ۹) داشته باشد.");

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), "گذرواژه باید دست‌کم یک حرف کوچک لاتین (a تا z) داشته باشد.");

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), "گذرواژه باید دست‌کم یک حرف بزرگ لاتین (A تا Z) داشته باشد.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
