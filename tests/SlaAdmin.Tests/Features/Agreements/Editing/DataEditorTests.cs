using Bunit;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Agreements.Editing;

namespace SlaAdmin.Tests.Features.Agreements.Editing;

public class DataEditorTests : EditorTestContext<DataEditor>
{
    private static readonly DataLine Forms = new(Guid.NewGuid(), 1, "فرم‌ها و مدارک ارائه شده", DataParty.Applicant, DataParty.Organization,
        StorageLevel.Full, true, false, PublicationScope.Organization);

    private static readonly DataLine WebService = new(Guid.NewGuid(), 2, "اطلاعات وب سرویس", DataParty.ExecutiveAgency, DataParty.Organization,
        StorageLevel.Partial, false, true, PublicationScope.NotPublished);

    private static AgreementContent TwoRows => new() { DataRows = [Forms, WebService] };

    [Fact]
    public void Adding_moving_and_removing_rows_keeps_each_row_its_identity_and_its_choices()
    {
        var editor = RenderEditor(TwoRows);

        editor.Find("[data-testid=add-data-row]").Click();
        var added = Last.DataRows[2];
        Assert.NotEqual(Guid.Empty, added.Clause);
        Assert.DoesNotContain(added.Clause, new[] { Forms.Clause, WebService.Clause });
        Assert.Equal([Forms, WebService], Last.DataRows.Take(2));

        editor.FindAll("[data-testid=data-row]")[1].QuerySelector("[data-testid=move-up]")!.Click();
        Assert.Equal([WebService with { Order = 1 }, Forms with { Order = 2 }, added with { Order = 3 }], Last.DataRows);
        // The dropdowns follow their row, not their place.
        Assert.Equal("دستگاه اجرایی", ValueOf(editor, "providing-unit", 0));
        Assert.Equal("جزئی", ValueOf(editor, "storage-level", 0));
        Assert.Equal("بلی", ValueOf(editor, "public-visible", 0));
        Assert.Equal("متقاضی", ValueOf(editor, "providing-unit", 1));
        Assert.Equal("بلی", ValueOf(editor, "analytics", 1));

        editor.FindAll("[data-testid=data-row]")[1].QuerySelector("[data-testid=remove]")!.Click();
        Assert.Equal([WebService with { Order = 1 }, added with { Order = 2 }], Last.DataRows);
        Assert.Equal(["اطلاعات وب سرویس", ""], editor.FindAll("input[data-testid=data-type]").Select(i => i.GetAttribute("value") ?? ""));
        Assert.Equal("عدم انتشار", ValueOf(editor, "publication-scope", 0));
        Assert.Equal(3, Changes.Count);
    }

    [Fact]
    public async Task A_choice_in_a_dropdown_changes_that_row_only()
    {
        var editor = RenderEditor(TwoRows);

        await ChooseAsync(editor, "storage-level", StorageLevel.None, index: 1);
        await ChooseAsync(editor, "analytics", true, index: 1);
        await ChooseAsync(editor, "receiving-unit", DataParty.Applicant, index: 0);

        Assert.Equal([Forms with { ReceivingUnit = DataParty.Applicant }, WebService with { StorageLevel = StorageLevel.None, UsedForAnalytics = true }], Last.DataRows);
        Assert.Equal("هیچ", ValueOf(editor, "storage-level", 1));
    }

    [Fact]
    public void Typing_the_data_type_changes_the_row_and_nothing_else()
    {
        var editor = RenderEditor(TwoRows);

        Type(editor, "data-type", "فایل صادر شده", index: 1);

        Assert.Equal([Forms, WebService with { DataType = "فایل صادر شده" }], Last.DataRows);
    }

    [Fact]
    public void A_problem_of_a_row_shows_inside_that_row()
    {
        var problem = new ContentProblem("داده ردیف ۲", "نوع داده را بنویسید.", WebService.Clause);

        var editor = RenderEditor(TwoRows, [problem]);

        var rows = editor.FindAll("[data-testid=data-row]");
        Assert.Empty(rows[0].QuerySelectorAll("[data-testid=problems]"));
        Assert.Contains("نوع داده را بنویسید.", rows[1].QuerySelector("[data-testid=problems]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_only_offers_no_way_to_add_move_or_remove()
    {
        var editor = RenderEditor(TwoRows, readOnly: true);

        Assert.Empty(editor.FindAll("[data-testid=add-data-row], [data-testid=move-up], [data-testid=move-down], [data-testid=remove]"));
        Assert.Equal(2, editor.FindAll("[data-testid=data-row]").Count);
    }
}
