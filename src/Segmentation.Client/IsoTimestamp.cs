using System.Globalization;

namespace Segmentation.Client;

/// <summary>Formats instants the way the wire format carries them: ISO-8601 in UTC with milliseconds.</summary>
internal static class IsoTimestamp
{
    /// <summary>The length of every formatted timestamp, e.g. <c>2026-03-01T12:00:00.250Z</c>.</summary>
    public const int Length = 24;

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
