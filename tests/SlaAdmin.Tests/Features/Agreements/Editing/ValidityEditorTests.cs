using Bunit;
using MudBlazor;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements.Editing;
using SlaAdmin.Persian;

namespace SlaAdmin.Tests.Features.Agreements.Editing;

public class ValidityEditorTests : EditorTestContext<ValidityEditor>
{
    [Fact]
    public void Validity_as_worded_alone_is_the_sentence()
    {
        var editor = RenderEditor(new AgreementContent());

        Type(editor, "validity-text", "تا پایان دولت یازدهم");

        Assert.Equal("تا پایان دولت یازدهم", Last.ValidityText);
        Assert.Null(Last.ValidUntil);
        Assert.Equal("تا پایان دولت یازدهم", editor.Find("[data-testid=validity-sentence]").TextContent.Trim());
    }

    [Fact]
    public void An_end_date_typed_day_first_is_stored_gregorian_and_shown_jalali_in_the_sentence()
    {
        var editor = RenderEditor(new AgreementContent { ValidityText = "تا پایان سال 1400" });

        editor.Find("[data-testid=valid-until] input, input[data-testid=valid-until]").Change("۲۹/۱۲/۱۴۰۰");

        Assert.Equal(Jalali.EndOfYear(1400), Last.ValidUntil);
        Assert.Equal("تا ۱۴۰۰/۱۲/۲۹ (تا پایان سال ۱۴۰۰)", editor.Find("[data-testid=validity-sentence]").TextContent.Trim());
        Assert.Contains("فهمیده شد: ۱۴۰۰/۱۲/۲۹", editor.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signatory_is_typed_and_blank_means_unknown()
    {
        var editor = RenderEditor(new AgreementContent { Signatory = "معاون" });

        Type(editor, "signatory", "معاون هماهنگی امور اقتصادی و توسعه منابع استانداری");
        Assert.Equal("معاون هماهنگی امور اقتصادی و توسعه منابع استانداری", Last.Signatory);
        Type(editor, "signatory", "");
        Assert.Null(Last.Signatory);
    }

    [Fact]
    public void Nothing_known_reads_unknown()
    {
        var editor = RenderEditor(new AgreementContent());

        Assert.Equal(Unknown.Text, editor.Find("[data-testid=validity-sentence]").TextContent.Trim());
    }
}
