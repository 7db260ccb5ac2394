using System.Globalization;

namespace Segmentation.Import.Orders;

/// <summary>
/// Reads invoice dates. Accepted without configuration: ISO <c>2011-10-06 16:20:00</c> (also with <c>T</c>, without
/// seconds, with fractions, or date only) and US <c>10/6/2011 16:20</c> (the UCI files). A date with an offset or
/// <c>Z</c> is taken as written; one without is a local time in the configured time zone. A custom format replaces
/// the built-in ones.
/// </summary>
public sealed class InvoiceDateParser
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd", "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    private readonly TimeZoneInfo _timeZone;
    private readonly string[]? _customFormats;

    /// <param name="timeZone">The zone of dates without an offset.</param>
    /// <param name="customFormat">A .NET custom date format replacing the built-in ones, or null.</param>
    public InvoiceDateParser(TimeZoneInfo timeZone, string? customFormat = null)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        _timeZone = timeZone;
        _customFormats = string.IsNullOrWhiteSpace(customFormat) ? null : [customFormat];
    }

    /// <summary>Parses <paramref name="text"/> into a UTC instant.</summary>
    /// <param name="text">The date as written.</param>
    /// <param name="utc">The instant.</param>
    /// <param name="problem">Why it failed (no personal data, only the date text), or null.</param>
    public bool TryParse(string? text, out DateTimeOffset utc, out string? problem)
    {
        utc = default;
        problem = null;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            problem = "no date";
            return false;
        }

        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces;
        const DateTimeStyles offsetStyles = styles | DateTimeStyles.AssumeUniversal;
        var offsetFormats = _customFormats ?? OffsetFormats;
        if (HasOffset(value) && DateTimeOffset.TryParseExact(value, offsetFormats, CultureInfo.InvariantCulture, offsetStyles, out var withOffset))
        {
            utc = withOffset.ToUniversalTime();
            return true;
        }

        if (!DateTime.TryParseExact(value, _customFormats ?? LocalFormats, CultureInfo.InvariantCulture, styles, out var local))
        {
            problem = $"'{Shorten(value)}' is not a date in a known format (use --date-format)";
            return false;
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (_timeZone.IsInvalidTime(local))
        {
            problem = $"'{Shorten(value)}' does not exist in {_timeZone.Id} (skipped by a daylight saving change)";
            return false;
        }

        // An ambiguous local time (the repeated hour when clocks go back) is taken as standard time.
        utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, _timeZone), TimeSpan.Zero);
        return true;
    }

    private static bool HasOffset(string value)
    {
        if (value.EndsWith('Z') || value.EndsWith('z'))
        {
            return true;
        }

        var time = value.IndexOfAny(['T', ' ']);
        return time > 0 && value.AsSpan(time + 1).IndexOfAny('+', '-') >= 0;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
