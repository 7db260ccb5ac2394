using System.Runtime.InteropServices;
using System.Text.Json;

namespace Segmentation.Tracking;

/// <summary>The timestamp rules of the tracking API: ISO-8601 parsing and clock-skew correction.</summary>
public static class TrackingTimestamps
{
    /// <summary>
    /// The time an event happened, in UTC: <c>receivedAt - (sentAt - timestamp)</c> when the client sent both
    /// (its clock may be wrong, but the interval between the event and the send is right), the timestamp as
    /// given without <paramref name="sentAt"/>, and <paramref name="receivedAt"/> without a timestamp.
    /// </summary>
    /// <returns>False when the corrected time falls outside the range of <see cref="DateTimeOffset"/>.</returns>
    public static bool TryResolve(
        DateTimeOffset receivedAt, DateTimeOffset? sentAt, DateTimeOffset? timestamp, out DateTimeOffset result)
    {
        if (timestamp is not { } eventTime)
        {
            result = receivedAt.ToUniversalTime();
            return true;
        }

        if (sentAt is not { } sent)
        {
            result = eventTime.ToUniversalTime();
            return true;
        }

        // Both operands lie in [0, DateTime.MaxValue.Ticks], so neither subtraction can overflow a long.
        var skewTicks = sent.UtcTicks - eventTime.UtcTicks;
        var ticks = receivedAt.UtcTicks - skewTicks;
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            result = default;
            return false;
        }

        result = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    /// <summary>
    /// Parses an ISO-8601 date-time string (e.g. <c>2024-05-01T10:15:30.123Z</c>). A value without an offset is
    /// taken as UTC, never as the server's local time.
    /// </summary>
    /// <returns>False when the element is not a string or not an ISO-8601 date-time.</returns>
    public static bool TryParse(JsonElement element, out DateTimeOffset value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        bool? hasOffset = HasExplicitOffset(JsonMarshal.GetRawUtf8Value(element));
        if (hasOffset ?? HasExplicitOffset(element.GetString()!))
        {
            if (!element.TryGetDateTimeOffset(out value))
            {
                return false;
            }
        }
        else
        {
            if (!element.TryGetDateTime(out var wallClock))
            {
                return false;
            }

            value = new DateTimeOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), TimeSpan.Zero);
        }

        value = value.ToUniversalTime();
        return true;
    }

    /// <summary>Whether the time part (after 'T') carries 'Z' or a +/- offset; null when the raw text has escapes.</summary>
    private static bool? HasExplicitOffset(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOf((byte)'\\') >= 0)
        {
            return null;
        }

        var t = raw.IndexOfAny((byte)'T', (byte)'t');
        return t >= 0 && raw[(t + 1)..].IndexOfAny("Zz+-"u8) >= 0;
    }

    private static bool HasExplicitOffset(string text)
    {
        var t = text.AsSpan().IndexOfAny('T', 't');
        return t >= 0 && text.AsSpan(t + 1).IndexOfAny("Zz+-") >= 0;
    }
}
