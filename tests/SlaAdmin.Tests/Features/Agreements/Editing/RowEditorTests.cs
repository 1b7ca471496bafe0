using Bunit;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Agreements.Editing;

namespace SlaAdmin.Tests.Features.Agreements.Editing;

/// <summary>The row editors: add, move up and down (order changes, identities stay), remove, and the rules' message beside the row.</summary>
public class RowEditorTests : EditingTestContext
{
    private static IReadOnlyList<ObligationLine> Provider(AgreementContent c) => [.. c.ObligationsOf(ObligationSide.Provider).OrderBy(o => o.Order)];

    private Bound<ObligationsEditor> Obligations(AgreementContent content) =>
        RenderEditor<ObligationsEditor>(content, p => p.Add(x => x.Side, ObligationSide.Provider));

    [Fact]
    public void An_obligation_added_is_a_new_clause_at_the_end_of_its_side()
    {
        var content = Sample();
        var bound = Obligations(content);

        bound.Editor.Find("[data-testid=add-obligation]").Click();

        var after = Provider(bound.Content);
        Assert.Equal(Provider(content).Count + 1, after.Count);
        Assert.DoesNotContain(after[^1].Clause, content.ClauseIds);
        Assert.Equal(after.Count, after[^1].Order);
        Assert.Equal(content.ObligationsOf(ObligationSide.Recipient), bound.Content.ObligationsOf(ObligationSide.Recipient));
    }

    [Fact]
    public void Moving_an_obligation_down_swaps_it_with_the_next_and_keeps_both_identities()
    {
        var content = Sample();
        var before = Provider(content);
        var bound = Obligations(content);

        bound.Editor.FindAll("[data-testid=obligation-row]")[0].QuerySelector("[data-testid=move-down]")!.Click();
        Assert.Equal([before[1].Clause, before[0].Clause, .. before.Skip(2).Select(o => o.Clause)], Provider(bound.Content).Select(o => o.Clause));
        Assert.Equal(Enumerable.Range(1, before.Count), Provider(bound.Content).Select(o => o.Order));

        bound.Editor.FindAll("[data-testid=obligation-row]")[1].QuerySelector("[data-testid=move-up]")!.Click();
        Assert.Equal(before, Provider(bound.Content));
    }

    [Fact]
    public void The_first_row_cannot_move_up_nor_the_last_down()
    {
        var bound = Obligations(Sample());

        var rows = bound.Editor.FindAll("[data-testid=obligation-row]");
        Assert.True(rows[0].QuerySelector("[data-testid=move-up]")!.HasAttribute("disabled"));
        Assert.True(rows[^1].QuerySelector("[data-testid=move-down]")!.HasAttribute("disabled"));
        Assert.Equal("بردن تعهد سازمان ۱ به پایین", rows[0].QuerySelector("[data-testid=move-down]")!.GetAttribute("aria-label"));
    }

    [Fact]
    public void Removing_an_obligation_renumbers_the_rest()
    {
        var content = Sample();
        var before = Provider(content);
        var bound = Obligations(content);

        bound.Editor.FindAll("[data-testid=obligation-row]")[0].QuerySelector("[data-testid=remove]")!.Click();

        Assert.Equal(before.Skip(1).Select(o => o.Clause), Provider(bound.Content).Select(o => o.Clause));
        Assert.Equal(Enumerable.Range(1, before.Count - 1), Provider(bound.Content).Select(o => o.Order));
    }

    [Fact]
    public void An_emptied_obligation_shows_the_rules_message_beside_it()
    {
        var bound = Obligations(Sample());

        bound.Editor.FindAll("[data-testid=obligation-row]")[1].QuerySelector("textarea")!.Change("");

        var rows = bound.Editor.FindAll("[data-testid=obligation-row]");
        Assert.Contains("متن تعهد را بنویسید.", rows[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("متن تعهد را بنویسید.", rows[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_standard_clause_is_inserted_with_this_agreements_names()
    {
        var content = Sample();
        var bound = Obligations(content);

        bound.Editor.Find("[data-testid=standard-clauses] button").Click();
        Popovers!.WaitForAssertion(() => Assert.NotEmpty(Popovers!.FindAll("[data-testid=standard-clause]")));
        Popovers!.FindAll("[data-testid=standard-clause]")[0].Click();

        // The menu handles the click asynchronously before it runs the item's action: the row may arrive after Click returns.
        bound.Editor.WaitForAssertion(() => Assert.Equal(Provider(content).Count + 1, Provider(bound.Content).Count));
        var added = Provider(bound.Content)[^1];
        Assert.Contains("خدمت آزمون", added.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", added.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Definitions_are_added_moved_removed_and_checked()
    {
        var content = Sample();
        var bound = RenderEditor<DefinitionsEditor>(content);

        bound.Editor.Find("[data-testid=add-definition]").Click();
        Assert.Equal(4, bound.Content.Definitions.Count);
        Assert.Contains("اصطلاح و تعریف هر دو لازم است.", bound.Editor.FindAll("[data-testid=definition-row]")[3].TextContent, StringComparison.Ordinal);

        bound.Editor.FindAll("[data-testid=definition-row]")[2].QuerySelector("[data-testid=move-up]")!.Click();
        Assert.Equal([content.Definitions[0].Clause, content.Definitions[2].Clause, content.Definitions[1].Clause], bound.Content.Definitions.Take(3).Select(d => d.Clause));

        bound.Editor.FindAll("[data-testid=definition-row]")[0].QuerySelector("[data-testid=remove]")!.Click();
        Assert.Equal(["دوره", "متقاضی", ""], bound.Content.Definitions.Select(d => d.Term));
        Assert.Equal([1, 2, 3], bound.Content.Definitions.Select(d => d.Order));
    }

    [Fact]
    public void Legal_references_are_added_moved_removed_and_checked()
    {
        var content = Sample();
        var bound = RenderEditor<LegalBasisEditor>(content);

        bound.Editor.FindAll("[data-testid=legal-row]")[0].QuerySelector("[data-testid=move-down]")!.Click();
        Assert.Equal([content.LegalReferences[1].Clause, content.LegalReferences[0].Clause, content.LegalReferences[2].Clause], bound.Content.LegalReferences.Select(l => l.Clause));
        Assert.Equal(new DateOnly(2011, 9, 30), bound.Content.LegalReferences[1].Date);

        bound.Editor.FindAll("[data-testid=legal-row]")[2].QuerySelector("[data-testid=remove]")!.Click();
        Assert.Equal(2, bound.Content.LegalReferences.Count);

        bound.Editor.Find("[data-testid=add-legal]").Click();
        Assert.Equal(3, bound.Content.LegalReferences.Count);
        Assert.Contains("عنوان مبنای قانونی را بنویسید.", bound.Editor.FindAll("[data-testid=legal-row]")[2].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("عنوان مبنای قانونی را بنویسید.", bound.Editor.FindAll("[data-testid=legal-row]")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Appendix_rows_are_added_moved_removed_and_checked()
    {
        var content = Sample();
        var bound = RenderEditor<AppendixEditor>(content);

        bound.Editor.FindAll("[data-testid=appendix-row]")[2].QuerySelector("[data-testid=move-up]")!.Click();
        Assert.Equal(["خدمت یکم", "خدمت سوم", "خدمت دوم"], bound.Content.AppendixItems.Select(a => a.Text));
        Assert.Equal([content.AppendixItems[0].Clause, content.AppendixItems[2].Clause, content.AppendixItems[1].Clause], bound.Content.AppendixItems.Select(a => a.Clause));

        bound.Editor.FindAll("[data-testid=appendix-row]")[1].QuerySelector("[data-testid=remove]")!.Click();
        Assert.Equal(["خدمت یکم", "خدمت دوم"], bound.Content.AppendixItems.Select(a => a.Text));

        bound.Editor.Find("[data-testid=add-appendix]").Click();
        Assert.Contains("متن ردیف پیوست را بنویسید.", bound.Editor.FindAll("[data-testid=appendix-row]")[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Prose_edits_the_section_body_and_shows_an_overlong_text_beside_it()
    {
        var content = Sample();
        var bound = RenderEditor<ProseEditor>(content, p => p.Add(x => x.Field, ProseField.Section(SectionKind.Objective)));

        bound.Editor.Find("textarea").Change("هدف تازه");
        Assert.Equal("هدف تازه", bound.Content.SectionOf(SectionKind.Objective)!.Body);
        Assert.Equal(content.SectionOf(SectionKind.Objective)!.Clause, bound.Content.SectionOf(SectionKind.Objective)!.Clause);

        bound.Editor.Find("textarea").Change(new string('ا', AgreementLimits.TextLength + 1));
        Assert.Contains("متن ۸٬۰۰۱ نویسه است؛ بیشینه ۸٬۰۰۰ نویسه است.", bound.Editor.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Letterhead_edits_this_agreements_words_and_asks_for_a_service_title()
    {
        var bound = RenderEditor<LetterheadEditor>(Sample());

        bound.Editor.Find("input[data-testid=document-title]").Change("عنوان چاپی");
        Assert.Equal("عنوان چاپی", bound.Content.DocumentTitle);

        bound.Editor.Find("input[data-testid=service-title]").Change("");
        Assert.Contains("عنوان خدمت در توافقنامه را بنویسید.", bound.Editor.Find("input[data-testid=service-title]").ParentElement!.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_only_editors_offer_no_add_and_no_row_buttons_that_work()
    {
        var bound = RenderEditor<ObligationsEditor>(Sample(), p => p.Add(x => x.Side, ObligationSide.Provider).Add(x => x.ReadOnly, true));

        Assert.Empty(bound.Editor.FindAll("[data-testid=add-obligation]"));
        Assert.All(bound.Editor.FindAll("[data-testid=remove]"), b => Assert.True(b.HasAttribute("disabled")));
    }
}
