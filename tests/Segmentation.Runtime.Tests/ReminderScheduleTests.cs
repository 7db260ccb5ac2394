using Segmentation.Runtime.Reminders;

namespace Segmentation.Runtime.Tests;

public sealed class ReminderScheduleTests
{
    private static readonly DateTimeOffset Due = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 10)]
    [InlineData(5, 10)]
    [InlineData(10, 20)]
    [InlineData(95, 100)]
    [InlineData(-3, 10)]
    public void NextDue_Periodic_IsTheFirstTickAfterTheFiring(int firedAfterSeconds, int expectedAfterSeconds)
    {
        var next = ReminderRecord.NextDue(Due, TimeSpan.FromSeconds(10), Due.AddSeconds(firedAfterSeconds));

        Assert.Equal(Due.AddSeconds(expectedAfterSeconds), next);
    }

    [Fact]
    public void Encode_ThenDecode_RoundTripsToTheTick()
    {
        var due = Due.AddTicks(1234567);

        var firing = ReminderRecord.Decode(ReminderRecord.Encode("cart-abandonment", due, TimeSpan.FromMilliseconds(1500)));

        Assert.Equal(new ReminderFiring("cart-abandonment", due, TimeSpan.FromMilliseconds(1500)), firing);
    }
}
