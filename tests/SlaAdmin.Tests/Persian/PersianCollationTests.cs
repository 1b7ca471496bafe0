using SlaAdmin.Persian;

namespace SlaAdmin.Tests.Persian;

public sealed class PersianCollationTests
{
    private const string Alphabet = "ا ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی";

    [Fact]
    public void Letters_sort_in_the_order_of_the_Persian_alphabet()
    {
        var letters = Alphabet.Split(' ');
        var shuffled = letters.OrderBy(l => l, StringComparer.Ordinal).ToList();
        Assert.NotEqual(letters, shuffled); // code-point order puts «پ», «چ», «ژ», «گ» out of place

        shuffled.Sort(PersianCollation.Compare);

        Assert.Equal(letters, shuffled);
    }

    [Fact]
    public void Words_sort_by_their_letters_and_only_identical_strings_are_equal()
    {
        string[] words = ["آب", "بابا", "پدر", "تاب", "چای", "زرد", "ژاله", "کتاب", "گل", "یاس"];
        var sorted = words.Reverse().ToList();
        sorted.Sort(PersianCollation.Compare);
        Assert.Equal(words, sorted);

        Assert.Equal(0, PersianCollation.Compare("خدمت‌ها", "خدمت‌ها"));
        Assert.NotEqual(0, PersianCollation.Compare("خدمت‌ها", "خدمتها")); // a ZWNJ more is another title
        Assert.Equal(-PersianCollation.Compare("خدمتها", "خدمت‌ها"), PersianCollation.Compare("خدمت‌ها", "خدمتها"));
    }
}
