using System.Globalization;
using Bunit;
using SlaAdmin.Components.Shared;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Components;

public class JalaliDateFieldTests : PageTestContext
{
    private DateOnly? _value;
    private int _changes;

    private IRenderedComponent<JalaliDateField> RenderField(DateOnly? value = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fa-IR");
        _value = value;
        return RenderPage<JalaliDateField>(p => p
            .Add(f => f.Label, "تاریخ اعتبار")
            .Add(f => f.Value, value)
            .Add(f => f.ValueChanged, v => { _value = v; _changes++; }));
    }

    private static string Helper(IRenderedComponent<JalaliDateField> field) =>
        field.Find(".mud-input-helper-text").TextContent.Trim();

    [Fact]
    public void A_two_digit_year_typed_day_first_is_understood_and_shown_before_saving()
    {
        var field = RenderField();

        field.Find("input").Change("۱۰/۶/۹۳");

        Assert.Equal(new DateOnly(2014, 9, 1), _value);
        field.WaitForAssertion(() => Assert.Equal("فهمیده شد: ۱۳۹۳/۰۶/۱۰", Helper(field)));
        Assert.Equal("۱۰/۶/۹۳", field.Find("input").GetAttribute("value")); // what the user typed stays
    }

    [Fact]
    public void A_day_that_does_not_exist_shows_the_reason_and_keeps_the_value()
    {
        var before = new DateOnly(2022, 3, 20);
        var field = RenderField(before);

        field.Find("input").Change("1404/12/30");

        Assert.Equal(before, _value);
        Assert.Equal(0, _changes);
        field.WaitForAssertion(() => Assert.Equal("سال ۱۴۰۴ سی‌ام اسفند ندارد؛ اسفند این سال ۲۹ روز است", Helper(field)));
        Assert.Contains("mud-input-error", field.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Clearing_the_field_sets_no_date()
    {
        var field = RenderField(new DateOnly(2022, 3, 20));
        Assert.Equal("۱۴۰۰/۱۲/۲۹", field.Find("input").GetAttribute("value"));

        field.Find("input").Change("");

        Assert.Null(_value);
        Assert.Equal(1, _changes);
        Assert.DoesNotContain("mud-input-error", field.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Picking_29_esfand_1400_in_the_calendar_stores_20_march_2022()
    {
        var field = RenderField(new DateOnly(2022, 3, 1)); // 1400/12/10

        field.Find("button.mud-input-adornment-icon-button, .mud-input-adornment button").Click();
        AngleSharp.Dom.IElement Day29() => Popovers!.FindAll("button.mud-picker-calendar-day").Single(b => b.TextContent.Trim() == "29" && !b.ClassList.Contains("mud-hidden"));
        Popovers!.WaitForAssertion(() => Day29());
        Day29().Click();

        field.WaitForAssertion(() => Assert.Equal(new DateOnly(2022, 3, 20), _value));
        field.WaitForAssertion(() => Assert.Equal("۱۴۰۰/۱۲/۲۹", field.Find("input").GetAttribute("value")));
        Assert.Equal("فهمیده شد: ۱۴۰۰/۱۲/۲۹", Helper(field));
    }
}
