using System.Globalization;
using SlaAdmin.Excel;

namespace SlaAdmin.Tests.Excel;

public class SafeFileNameTests
{
    [Fact]
    public void A_long_name_is_cut_before_an_emoji_rather_than_through_its_surrogate_pair()
    {
        // 114 letters + the 2-unit emoji would end at 116, one past the room before «.xlsx».
        var name = new string('ا', 114) + "😀" + "ب.xlsx";

        var safe = WorkbookDownload.SafeFileName(name);

        Assert.True(safe.Length <= WorkbookDownload.MaxFileNameLength);
        Assert.Equal(new string('ا', 114) + ".xlsx", safe);
        Assert.DoesNotContain(safe, char.IsSurrogate);
    }

    [Fact]
    public void A_long_name_keeps_a_letter_and_its_combining_mark_together()
    {
        // «بّ» (beh with shadda) straddles the cut: both go, never the mark alone.
        var name = new string('ا', 114) + "بّ" + "پایان.xlsx";

        var safe = WorkbookDownload.SafeFileName(name);

        Assert.Equal(new string('ا', 114) + ".xlsx", safe);
        Assert.All(StringInfoElements(safe), e => Assert.NotEqual(UnicodeCategory.NonSpacingMark, char.GetUnicodeCategory(e[0])));
    }

    [Fact]
    public void A_long_name_is_cut_to_the_limit_with_its_extension_kept()
    {
        var safe = WorkbookDownload.SafeFileName(new string('س', 300) + ".xlsx");

        Assert.Equal(WorkbookDownload.MaxFileNameLength, safe.Length);
        Assert.EndsWith("س.xlsx", safe, StringComparison.Ordinal);
    }

    private static IEnumerable<string> StringInfoElements(string text)
    {
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) yield return e.GetTextElement();
    }
}
