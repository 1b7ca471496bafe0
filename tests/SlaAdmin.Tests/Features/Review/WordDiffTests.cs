using SlaAdmin.Features.Review;

namespace SlaAdmin.Tests.Features.Review;

public class WordDiffTests
{
    [Fact]
    public void A_zero_width_non_joiner_or_its_absence_is_not_a_change()
    {
        Assert.True(WordDiff.SameWords("سازمان متعهد می‌شود", "سازمان متعهد میشود"));
        Assert.Equal([new WordRun(WordChange.Same, "سازمان متعهد می‌شود")], WordDiff.Compare("سازمان متعهد می‌شود", "سازمان متعهد میشود"));
    }

    [Fact]
    public void Arabic_yeh_and_kaf_are_the_persian_letters()
    {
        Assert.True(WordDiff.SameWords("کیفیت خدمت", "كيفيت خدمت"));
        Assert.Equal(1, WordDiff.Similarity("کیفیت خدمت", "كيفيت خدمت"));
    }

    [Fact]
    public void A_replaced_word_is_removed_then_added_between_unchanged_words_shown_as_the_older_text_wrote_them()
    {
        var runs = WordDiff.Compare("زمان ارائه شده در میز خدمت", "زمان اعلام شده در میز خدمت");

        Assert.Equal(
        [
            new WordRun(WordChange.Same, "زمان"),
            new WordRun(WordChange.Removed, "ارائه"),
            new WordRun(WordChange.Added, "اعلام"),
            new WordRun(WordChange.Same, "شده در میز خدمت"),
        ], runs);
    }

    [Fact]
    public void Similarity_is_the_share_of_words_in_common()
    {
        Assert.Equal(0.75, WordDiff.Similarity("یک دو سه چهار", "یک دو سه پنج"));
        Assert.Equal(0, WordDiff.Similarity("یک", "دو"));
        Assert.Equal(1, WordDiff.Similarity("", null));
    }
}
