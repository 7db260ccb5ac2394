using System.Text;
using System.Text.Json;

namespace Segmentation.Tracking.Tests;

public sealed class Utf8JsonValueTests
{
    [Theory]
    [InlineData("\"plain\"")]
    [InlineData("\"caf\\u00e9 \\\"quoted\\\" \\\\ \\/ \\n\"")]
    [InlineData("\"\\ud83c\\udf6e pudding\"")]
    [InlineData("\"Crème brûlée – 🍮\"")]
    [InlineData("\"\"")]
    public void GetStringAndCopyChars_AnyEscapes_DecodeAsJsonElementDoes(string json)
    {
        // Arrange
        var expected = JsonDocument.Parse(json).RootElement.GetString()!;
        var value = Utf8JsonValue.Read(Encoding.UTF8.GetBytes(json));
        var chars = new char[value.MaxCharCount];

        // Act
        var text = value.GetString();
        var length = value.CopyChars(chars);

        // Assert
        Assert.Equal(expected, text);
        Assert.Equal(expected, new string(chars, 0, length));
        Assert.True(value.ValueEquals(Encoding.UTF8.GetBytes(expected)));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-0")]
    [InlineData("1.50")]
    [InlineData("1e3")]
    [InlineData("2.5E-3")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("1e400")]
    public void TryGetDecimal_AnyNumber_ReadsAsJsonElementDoes(string json)
    {
        // Arrange
        var element = JsonDocument.Parse(json).RootElement;
        var expectedOk = element.TryGetDecimal(out var expected);

        // Act
        var ok = Utf8JsonValue.Read(Encoding.UTF8.GetBytes(json)).TryGetDecimal(out var actual);

        // Assert
        Assert.Equal(expectedOk, ok);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TryGetDecimal_NumericString_IsNotANumber()
    {
        // Act
        var ok = Utf8JsonValue.Read("\"12\""u8).TryGetDecimal(out _);

        // Assert
        Assert.False(ok);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1 2")]
    [InlineData("{")]
    public void Read_NotOneValue_Throws(string json)
    {
        // Act
        var exception = Record.Exception(() => Utf8JsonValue.Read(Encoding.UTF8.GetBytes(json)));

        // Assert
        Assert.IsType<JsonException>(exception, exactMatch: false);
    }

    [Fact]
    public void GetString_NotAString_Throws()
    {
        // Act
        var exception = Record.Exception(() => Utf8JsonValue.Read("12"u8).GetString());

        // Assert
        Assert.IsType<InvalidOperationException>(exception);
    }
}
