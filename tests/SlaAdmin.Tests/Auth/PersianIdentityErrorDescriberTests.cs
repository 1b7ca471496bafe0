using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Data;

namespace SlaAdmin.Tests.Auth;

public class PersianIdentityErrorDescriberTests
{
    private readonly PersianIdentityErrorDescriber _describer = new();

    [Fact]
    public void Password_too_short_names_the_length_in_persian_digits()
    {
        var error = _describer.PasswordTooShort(8);
        Assert.Equal("PasswordTooShort", error.Code);
        Assert.Equal("گذرواژه باید دست‌کم ۸ نویسه باشد.", error.Description);
    }

    [Fact]
    public void Duplicate_user_name_quotes_the_name()
    {
        var error = _describer.DuplicateUserName("admin");
        Assert.Equal("DuplicateUserName", error.Code);
        Assert.Equal("نام کاربری «admin» پیش‌تر گرفته شده است.", error.Description);
    }

    [Fact]
    public void Every_message_is_persian_and_keeps_identitys_code()
    {
        var errors = new[]
        {
            _describer.DefaultError(), _describer.ConcurrencyFailure(), _describer.PasswordMismatch(), _describer.InvalidToken(),
            _describer.RecoveryCodeRedemptionFailed(), _describer.LoginAlreadyAssociated(), _describer.InvalidUserName("a b"),
            _describer.InvalidEmail("x"), _describer.DuplicateUserName("u"), _describer.DuplicateEmail("e@x.ir"),
            _describer.InvalidRoleName(""), _describer.DuplicateRoleName("r"), _describer.UserAlreadyHasPassword(),
            _describer.UserLockoutNotEnabled(), _describer.UserAlreadyInRole("r"), _describer.UserNotInRole("r"),
            _describer.PasswordTooShort(6), _describer.PasswordRequiresUniqueChars(2), _describer.PasswordRequiresNonAlphanumeric(),
            _describer.PasswordRequiresDigit(), _describer.PasswordRequiresLower(), _describer.PasswordRequiresUpper(),
        };
        var english = new IdentityErrorDescriber();
        Assert.Equal(english.PasswordRequiresDigit().Code, _describer.PasswordRequiresDigit().Code);
        Assert.All(errors, e => Assert.Matches("[\u0600-\u06FF]", e.Description));
        Assert.Equal(errors.Length, errors.Select(e => e.Code).Distinct().Count());
    }

    [Fact]
    public async Task The_apps_user_manager_answers_in_persian()
    {
        await using var host = await AuthHost.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var shortPassword = await users.CreateAsync(new ApplicationUser { UserName = "newcomer" }, "a");
        var taken = await users.CreateAsync(new ApplicationUser { UserName = "admin" });

        Assert.Contains(shortPassword.Errors, e => e.Code == "PasswordTooShort" && e.Description.StartsWith("گذرواژه باید دست‌کم", StringComparison.Ordinal));
        Assert.DoesNotContain(shortPassword.Errors, e => e.Description.Contains("Passwords must", StringComparison.Ordinal));
        Assert.Equal("نام کاربری «admin» پیش‌تر گرفته شده است.", Assert.Single(taken.Errors).Description);
    }
}
