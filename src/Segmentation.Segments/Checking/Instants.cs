using System.Globalization;

namespace Segmentation.Segments.Checking;

/// <summary>ISO 8601 dates and date-times in rules and traits: <c>2025-01-31</c> (midnight UTC), <c>2025-01-31T12:00:00Z</c>, with an offset, or without one (UTC).</summary>
internal static class Instants
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>The UTC ticks of an ISO 8601 date or date-time; null when the text is not one.</summary>
    public static long? Parse(string text) =>
        DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant.UtcTicks
            : null;
}
