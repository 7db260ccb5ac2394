using Segmentation.Domain.Triggers;

namespace Segmentation.Domain.Tests.Triggers;

public sealed class TimeZonesAndQuietHoursTests
{
    private static readonly TimeOnly Nine = new(21, 0);
    private static readonly TimeOnly Eight = new(8, 0);

    [Fact]
    public void ToInstant_NewYorkSpringForward_SkippedHourMovesToTheFirstInstantAfterTheGap()
    {
        var instant = TimeZones.ToInstant(new DateOnly(2026, 3, 8), new TimeOnly(2, 0), TriggerProfiles.Zone("America/New_York"));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void ToInstant_BerlinFallBack_RepeatedTimeIsTheFirst()
    {
        var instant = TimeZones.ToInstant(new DateOnly(2026, 10, 25), new TimeOnly(2, 30), TriggerProfiles.Zone("Europe/Berlin"));

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), instant);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../etc/passwd")]
    public void TryFind_UnknownZone_False(string? id) => Assert.False(TimeZones.TryFind(id, out _));

    [Theory]
    [InlineData("2026-03-02T22:30:00Z", "2026-03-03T08:00:00Z")]
    [InlineData("2026-03-02T21:00:00Z", "2026-03-03T08:00:00Z")]
    [InlineData("2026-03-02T07:59:00Z", "2026-03-02T08:00:00Z")]
    [InlineData("2026-03-02T08:00:00Z", null)]
    [InlineData("2026-03-02T20:59:59Z", null)]
    public void EndOf_QuietHoursWrappingMidnight(string at, string? end)
    {
        var until = QuietHours.EndOf(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc, Nine, Eight);

        Assert.Equal(end is null ? null : DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), until);
    }

    [Fact]
    public void EndOf_InTheCustomersZoneAcrossSpringForward_EndsAtEightLocalSummerTime()
    {
        // 22:00 CET on 2026-03-28 is 21:00Z; the night loses an hour, and 08:00 CEST is 06:00Z.
        var until = QuietHours.EndOf(new DateTimeOffset(2026, 3, 28, 21, 0, 0, TimeSpan.Zero), TriggerProfiles.Zone("Europe/Berlin"), Nine, Eight);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero), until);
    }

    [Fact]
    public void EndOf_SpanWithinADayAndNoQuietHours()
    {
        var noon = new DateTimeOffset(2026, 3, 2, 12, 30, 0, TimeSpan.Zero);

        Assert.Equal(noon.AddMinutes(30), QuietHours.EndOf(noon, TimeZoneInfo.Utc, new TimeOnly(12, 0), new TimeOnly(13, 0)));
        Assert.Null(QuietHours.EndOf(noon, TimeZoneInfo.Utc, Eight, Eight));
    }
}
