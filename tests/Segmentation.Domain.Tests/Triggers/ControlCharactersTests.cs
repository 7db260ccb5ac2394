using Segmentation.Domain.Triggers;

namespace Segmentation.Domain.Tests.Triggers;

public sealed class ControlCharactersTests
{
    [Fact]
    public void In_AgreesWithCharIsControl_ForEveryUtf16CodeUnit()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            Assert.Equal(char.IsControl(c), ControlCharacters.In(['a', c, 'b']));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("customer-42")]
    [InlineData("Émile ÿ 日本")]
    public void In_IsFalse_ForTextWithoutControlCharacters(string value) => Assert.False(ControlCharacters.In(value));
}
