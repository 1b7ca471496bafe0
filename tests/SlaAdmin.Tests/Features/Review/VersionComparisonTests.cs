using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Review;

namespace SlaAdmin.Tests.Features.Review;

public class VersionComparisonTests
{
    private static readonly Guid Intro = Guid.NewGuid(), Duties = Guid.NewGuid();
    private static readonly Guid[] Rows = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    private static AgreementContent Content(string intro, params (Guid Id, string Text)[] obligations) => new()
    {
        ServiceTitle = "خدمت",
        ProviderName = "سازمان",
        Sections = [new SectionLine(Intro, SectionKind.Introduction, intro), new SectionLine(Duties, SectionKind.Obligations, "")],
        Obligations = [.. obligations.Select((o, i) => new ObligationLine(o.Id, ObligationSide.Provider, i + 1, o.Text, null))],
    };

    private static readonly (Guid, string)[] Four =
        [(Rows[0], "پاسخ‌گویی با ادب"), (Rows[1], "دسترس‌پذیری ۷*۲۴"), (Rows[2], "اطلاع‌رسانی تغییرها"), (Rows[3], "رسیدگی به شکایت")];

    private static IReadOnlyList<RowComparison> ObligationRows(IReadOnlyList<SectionComparison> sections) =>
        sections.Single(s => s.Kind == SectionKind.Obligations).Tables.Single().Rows;

    [Fact]
    public void The_same_content_is_unchanged_everywhere()
    {
        var sections = VersionComparison.Compare(Content("مقدمه", Four), Content("مقدمه", Four));

        Assert.All(sections, s => Assert.True(s.Unchanged));
    }

    [Fact]
    public void A_row_moved_down_two_places_is_one_move_and_the_others_stay()
    {
        var after = Content("مقدمه", Four[1], Four[2], Four[0], Four[3]);

        var rows = ObligationRows(VersionComparison.Compare(Content("مقدمه", Four), after));

        var moved = Assert.Single(rows, r => r.Change == ClauseChange.Moved);
        Assert.Equal((Rows[0], "تعهد سازمان، ردیف ۱", "تعهد سازمان، ردیف ۳"), (moved.Clause, moved.WhereBefore, moved.WhereAfter));
        Assert.Equal(3, rows.Count(r => r.Change == ClauseChange.Same));
    }

    [Fact]
    public void A_removed_row_stays_where_it_was_and_an_inserted_one_where_it_is()
    {
        var inserted = (Guid.NewGuid(), "پاسخ در سه روز");
        var after = Content("مقدمه", Four[0], inserted, Four[2], Four[3]);

        var rows = ObligationRows(VersionComparison.Compare(Content("مقدمه", Four), after));

        Assert.Equal([ClauseChange.Same, ClauseChange.Removed, ClauseChange.Added, ClauseChange.Same, ClauseChange.Same], rows.Select(r => r.Change));
        Assert.Equal(Rows[1], rows[1].Clause);
    }

    [Fact]
    public void A_section_rewritten_only_in_zero_width_non_joiners_and_arabic_letters_is_unchanged()
    {
        var before = Content("این توافق‌نامه بر کیفیت خدمت تمرکز دارد", Four);
        var after = Content("اين توافقنامه بر كيفيت خدمت تمركز دارد", [.. Four.Select(o => (o.Item1, o.Item2.Replace("\u200c", "", StringComparison.Ordinal)))]);

        Assert.All(VersionComparison.Compare(before, after), s => Assert.True(s.Unchanged));
    }

    [Fact]
    public void A_reworded_row_is_changed_with_its_words_marked()
    {
        var after = Content("مقدمه", Four[0], (Rows[1], "دسترس‌پذیری شبانه‌روزی"), Four[2], Four[3]);

        var row = ObligationRows(VersionComparison.Compare(Content("مقدمه", Four), after))[1];

        Assert.Equal(ClauseChange.Changed, row.Change);
        Assert.Contains(new WordRun(WordChange.Removed, "۷*۲۴"), row.Words);
        Assert.Contains(new WordRun(WordChange.Added, "شبانه‌روزی"), row.Words);
    }
}
