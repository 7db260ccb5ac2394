namespace Segmentation.Domain.Triggers;

/// <summary>Quiet hours: a local span of the day (it may wrap midnight, 21:00 to 08:00) in which nothing is sent.</summary>
public static class QuietHours
{
    /// <summary>
    /// When <paramref name="instant"/> falls in the quiet hours from <paramref name="start"/> (inclusive) to
    /// <paramref name="end"/> (exclusive) in <paramref name="zone"/>, the instant they end; otherwise null (also when
    /// start equals end: no quiet hours).
    /// </summary>
    public static DateTimeOffset? EndOf(DateTimeOffset instant, TimeZoneInfo zone, TimeOnly start, TimeOnly end)
    {
        if (start == end)
        {
            return null;
        }

        var local = TimeZones.ToLocal(instant, zone);
        var time = TimeOnly.FromDateTime(local);
        var date = DateOnly.FromDateTime(local);
        DateOnly? endDate = start < end
            ? (time >= start && time < end ? date : null)
            : (time >= start ? date.AddDays(1) : time < end ? date : null);
        if (endDate is not { } day)
        {
            return null;
        }

        var until = TimeZones.ToInstant(day, end, zone);
        return until > instant ? until : null;
    }
}
