using SlaAdmin.Components.Shared;
using SlaAdmin.Data.Entities;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Tests.Components.Shared;

public class LabelsTests
{
    [Fact]
    public void Every_enum_of_the_model_has_a_word_for_every_value_and_reads_back()
    {
        var enums = typeof(EService).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.Namespace == typeof(EService).Namespace)
            .ToList();
        Assert.NotEmpty(enums);
        foreach (var type in enums)
        {
            var roundTrip = typeof(LabelsTests).GetMethod(nameof(RoundTrips), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type);
            roundTrip.Invoke(null, null);
        }
    }

    private static void RoundTrips<TEnum>() where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var word = Labels.Of(value);
            Assert.False(string.IsNullOrWhiteSpace(word));
            Assert.True(Labels.TryParse<TEnum>(word, out var back), $"{typeof(TEnum).Name}.{value} «{word}» does not parse back");
            Assert.Equal(value, back);
        }
    }

    [Fact]
    public void Section_headings_are_the_template_headings()
    {
        Assert.Equal("مسئولیت", Labels.Of(SectionKind.Responsibility));
        Assert.Equal("تعهدات متقابل خدمت\u200cگیرنده و دستگاه اجرایی", Labels.Of(SectionKind.Obligations));
        Assert.Equal("خاتمه توافقنامه", Labels.Of(SectionKind.Termination));
    }

    [Fact]
    public void Combined_payment_channels_read_as_both_words_and_parse_back()
    {
        var both = PaymentChannels.Online | PaymentChannels.Manual;
        Assert.Equal("آنلاین، دستی", Labels.Of(both));
        Assert.True(Labels.TryParse<PaymentChannels>("آنلاین/دستی", out var parsed));
        Assert.Equal(both, parsed);
        Assert.True(Labels.TryParse<PaymentChannels>("آنلاین و دستی", out parsed));
        Assert.Equal(both, parsed);
    }

    [Fact]
    public void Parsing_folds_arabic_letters_and_missing_zwnj()
    {
        Assert.True(Labels.TryParse<StorageLevel>("كامل", out var storage));
        Assert.Equal(StorageLevel.Full, storage);
        Assert.True(Labels.TryParse<ServiceNature>("تصديگري", out var nature));
        Assert.Equal(ServiceNature.Operational, nature);
        Assert.True(Labels.TryParse<PublicationScope>("  سطح   مردم ", out var scope));
        Assert.Equal(PublicationScope.Public, scope);
    }

    [Fact]
    public void Unknown_words_do_not_parse()
    {
        Assert.False(Labels.TryParse<StorageLevel>("نیمه", out _));
        Assert.False(Labels.TryParse<StorageLevel>("", out _));
        Assert.False(Labels.TryParse<StorageLevel>("1", out _));
        Assert.False(Labels.TryParse<PaymentChannels>("آنلاین، پستی", out _));
    }

    [Fact]
    public void Yes_and_no_are_bali_and_kheir()
    {
        Assert.Equal("بلی", Labels.Of(true));
        Assert.Equal("خیر", Labels.Of(false));
        Assert.True(Labels.TryParse("بله", out bool yes));
        Assert.True(yes);
        Assert.True(Labels.TryParse("خير", out bool no));
        Assert.False(no);
        Assert.False(Labels.TryParse("شاید", out bool _));
    }
}
