using Segmentation.Silo.Dashboard.Components.Pages.Triggers;

namespace Segmentation.Dashboard.Tests.Triggers;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("01:00:00", "1", DurationUnit.Hours)]
    [InlineData("1.00:00:00", "1", DurationUnit.Days)]
    [InlineData("12:00:00", "12", DurationUnit.Hours)]
    [InlineData("00:45:00", "45", DurationUnit.Minutes)]
    [InlineData("01:30:00", "90", DurationUnit.Minutes)]
    [InlineData("00:00:30", "0.5", DurationUnit.Minutes)]
    [InlineData("00:00:00", "0", DurationUnit.Hours)]
    public void Split_Duration_GivesTheLargestExactUnit(string duration, string amount, DurationUnit unit)
    {
        var split = DurationText.Split(TimeSpan.Parse(duration, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((amount, unit), split);
    }

    [Theory]
    [InlineData("01:00:00", "1 hour")]
    [InlineData("7.00:00:00", "7 days")]
    [InlineData("00:45:00", "45 minutes")]
    [InlineData("00:00:00", "0")]
    public void Describe_Duration_ReadsAsAmountAndUnit(string duration, string expected) =>
        Assert.Equal(expected, DurationText.Describe(TimeSpan.Parse(duration, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("45", DurationUnit.Minutes, 45 * 60)]
    [InlineData(" 1.5 ", DurationUnit.Hours, 90 * 60)]
    [InlineData("2", DurationUnit.Days, 2 * 86400)]
    [InlineData("-5", DurationUnit.Minutes, -5 * 60)]
    public void TryParse_Number_GivesTheDuration(string amount, DurationUnit unit, int seconds)
    {
        Assert.True(DurationText.TryParse(amount, unit, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("1,000")]
    [InlineData("99999999999999")]
    public void TryParse_NoNumberOrTooLarge_Fails(string amount) => Assert.False(DurationText.TryParse(amount, DurationUnit.Days, out _));
}
