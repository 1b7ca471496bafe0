using SlaAdmin.Persian;

namespace SlaAdmin.Tests.Persian;

public class PersianWordsTests
{
    [Theory]
    [InlineData(7, "هفت")]
    [InlineData(9, "نه")]
    [InlineData(12, "دوازده")]
    [InlineData(20, "بیست")]
    [InlineData(21, "بیست و یک")]
    public void Of_writes_the_number_in_words(int number, string expected) =>
        Assert.Equal(expected, PersianWords.Of(number));

    [Fact]
    public void ClauseCountSentence_is_the_sentence_the_agreements_close_with() =>
        Assert.Equal("این توافقنامه در نه بند تدوین شده است.", PersianWords.ClauseCountSentence(9));
}
