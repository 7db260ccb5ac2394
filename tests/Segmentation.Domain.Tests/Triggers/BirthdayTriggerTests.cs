using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Policies;
using Segmentation.Domain.Triggers.Settings;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Triggers;

public sealed class BirthdayTriggerTests
{
    private static readonly DateTimeOffset Spring = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Asia/Tokyo", "2026-06-15T00:00:00Z")]
    [InlineData("America/Los_Angeles", "2026-06-15T16:00:00Z")]
    [InlineData("Europe/Berlin", "2026-06-15T07:00:00Z")]
    [InlineData("UTC", "2026-06-15T09:00:00Z")]
    public void NextDue_NineInTheMorningLocal_InEachTimeZone(string zone, string expected)
    {
        var customer = Born("1990-06-15");

        var due = BirthdayTrigger.NextDue(customer.At(Spring, TriggerProfiles.Zone(zone)), new BirthdaySettings { Enabled = true })!;

        Assert.Equal((DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), "2026"), (due.DueAt, due.OccurrenceKey));
    }

    [Fact]
    public void NextDue_LocalTimeSkippedBySpringForward_MovesLaterByTheGap()
    {
        var customer = Born("1985-03-29");
        var berlin = TriggerProfiles.Zone("Europe/Berlin");

        // 2026-03-29: Berlin jumps from 02:00 CET to 03:00 CEST.
        var atTwo = BirthdayTrigger.NextDue(customer.At(Spring.AddMonths(-3), berlin), new BirthdaySettings { LocalTime = new TimeOnly(2, 0) })!;
        var atHalfPastTwo = BirthdayTrigger.NextDue(customer.At(Spring.AddMonths(-3), berlin), new BirthdaySettings { LocalTime = new TimeOnly(2, 30) })!;

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), atTwo.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), atHalfPastTwo.DueAt);
    }

    [Fact]
    public void NextDue_LocalTimeRepeatedByFallBack_TakesTheFirst()
    {
        var customer = Born("1985-11-01");

        // 2026-11-01: New York's 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
        var due = BirthdayTrigger.NextDue(customer.At(Spring, TriggerProfiles.Zone("America/New_York")), new BirthdaySettings { LocalTime = new TimeOnly(1, 30) })!;

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), due.DueAt);
    }

    [Fact]
    public void NextDue_LeapDayBirthday_FallsOnFebruary28InOtherYears()
    {
        var customer = Born("2000-02-29");

        var due = BirthdayTrigger.NextDue(customer.At(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)), new BirthdaySettings())!;

        Assert.Equal((new DateTimeOffset(2027, 2, 28, 9, 0, 0, TimeSpan.Zero), "2027"), (due.DueAt, due.OccurrenceKey));
        Assert.Equal(new DateOnly(2028, 2, 29), BirthdayTrigger.DayIn(new DateOnly(2000, 2, 29), 2028));
    }

    [Fact]
    public void NextDue_LaterOnTheDay_StillThatDaysThenTheNextYear()
    {
        var customer = Born("1990-06-15");
        var tokyo = TriggerProfiles.Zone("Asia/Tokyo");
        var settings = new BirthdaySettings();

        // 20:00 in Tokyo on the day: still that day's occurrence (already due).
        var late = BirthdayTrigger.NextDue(customer.At(new DateTimeOffset(2026, 6, 15, 11, 0, 0, TimeSpan.Zero), tokyo), settings)!;
        // Once the day is over in Tokyo (15:00Z), next year's.
        var after = BirthdayTrigger.NextDue(customer.At(new DateTimeOffset(2026, 6, 15, 15, 0, 0, TimeSpan.Zero), tokyo), settings)!;
        customer.Decide(late);
        var decided = BirthdayTrigger.NextDue(customer.At(new DateTimeOffset(2026, 6, 15, 11, 0, 0, TimeSpan.Zero), tokyo), settings)!;

        Assert.Equal(("2026", "2027", "2027"), (late.OccurrenceKey, after.OccurrenceKey, decided.OccurrenceKey));
        Assert.Equal(new DateTimeOffset(2027, 6, 15, 0, 0, 0, TimeSpan.Zero), after.DueAt);
    }

    [Fact]
    public void NextDue_NoBirthday_NothingIsDue() =>
        Assert.Null(BirthdayTrigger.NextDue(new TriggerProfiles().Apply(Page(T0)).At(T0), new BirthdaySettings()));

    private static TriggerProfiles Born(string date) =>
        new TriggerProfiles().Apply(Identify(T0, $$"""{"birthday":"{{date}}","email":"a@example.com"}"""));
}
