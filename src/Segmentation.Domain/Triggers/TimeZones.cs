using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Segmentation.Domain.Triggers;

/// <summary>IANA time zones (from the system's tzdata) and local times in them, with daylight-saving rules spelled out.</summary>
public static class TimeZones
{
    private const int MaxCachedIds = 1024;
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Found = new(StringComparer.Ordinal);

    /// <summary>The zone with this IANA id (<c>Europe/Berlin</c>, <c>UTC</c>); false for an unknown or malformed id.</summary>
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }

        if (!Found.TryGetValue(id, out zone))
        {
            zone = Lookup(id);
            if (Found.Count < MaxCachedIds)
            {
                Found.TryAdd(id, zone);
            }
        }

        return zone is not null;
    }

    /// <summary>
    /// The instant a local date and time happens in <paramref name="zone"/>. A local time that does not exist (skipped
    /// by a daylight-saving change) moves later by the length of the gap, so a whole hour inside a gap that starts on
    /// the hour becomes the first instant after it (02:00 on a day Europe/Berlin jumps from 02:00 to 03:00 is 03:00
    /// CEST); a local time that happens twice (the clock is set back) is the first of the two.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // The offset before the change: transitions are months apart, so a day earlier has it.
            offset = zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            // The larger offset gives the earlier instant: the first time the clock shows this.
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    /// <summary>The local date and time of an instant in <paramref name="zone"/>.</summary>
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(instant, zone).DateTime;
    }

    private static TimeZoneInfo? Lookup(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }
}
