using DiffPlex;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.Review;

/// <summary>How a word fares between two texts.</summary>
public enum WordChange
{
    Same,
    Removed,
    Added,
}

/// <summary>One run of words with the same fate, as written in the text it comes from.</summary>
public sealed record WordRun(WordChange Change, string Text);

/// <summary>
/// Word-level comparison of Persian text. Words are compared folded (Arabic ي/ك as ی/ک, zero-width
/// non-joiners and tatweel ignored, digits in any system alike), so «می‌شود» and «میشود» are the same
/// word; what is shown is each text's own wording.
/// </summary>
public static class WordDiff
{
    private static readonly char[] Spaces = [' ', '\n', '\t', '\r', '\u00A0'];

    /// <summary>The runs of the comparison, in reading order: unchanged words, then removed before added at each change.</summary>
    public static IReadOnlyList<WordRun> Compare(string? before, string? after)
    {
        var a = Words(before);
        var b = Words(after);
        var diff = Differ.Instance.CreateLineDiffs(Folded(a), Folded(b), ignoreWhitespace: false);
        var runs = new List<WordRun>();
        void Add(WordChange change, IEnumerable<string> words)
        {
            var text = string.Join(" ", words);
            if (text.Length == 0) return;
            if (runs.Count > 0 && runs[^1].Change == change) runs[^1] = runs[^1] with { Text = $"{runs[^1].Text} {text}" };
            else runs.Add(new WordRun(change, text));
        }
        var i = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(WordChange.Same, a.Skip(i).Take(block.DeleteStartA - i));
            Add(WordChange.Removed, a.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(WordChange.Added, b.Skip(block.InsertStartB).Take(block.InsertCountB));
            i = block.DeleteStartA + block.DeleteCountA;
        }
        Add(WordChange.Same, a.Skip(i));
        return runs;
    }

    /// <summary>Whether two texts say the same words (folded).</summary>
    public static bool SameWords(string? before, string? after) => Folded(Words(before)) == Folded(Words(after));

    /// <summary>The share of words the two texts have in common (0 to 1), for telling a drifted copy of a standard clause.</summary>
    public static double Similarity(string? before, string? after)
    {
        var runs = Compare(before, after);
        var same = runs.Where(r => r.Change == WordChange.Same).Sum(r => Words(r.Text).Length);
        var total = Math.Max(Words(before).Length, Words(after).Length);
        return total == 0 ? 1 : (double)same / total;
    }

    private static string[] Words(string? text) => (text ?? "").Split(Spaces, StringSplitOptions.RemoveEmptyEntries);

    // One folded word per line, so the line differ compares words and its indices are the words' indices.
    private static string Folded(string[] words) => string.Join("\n", words.Select(w => PersianText.Fold(w)));
}
