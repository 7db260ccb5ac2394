using System.Globalization;

namespace Segmentation.Domain.Triggers;

/// <summary>How occurrence keys are written: instants in round-trip UTC form, steps after a slash.</summary>
public static class TriggerKeys
{
    /// <summary><c>2026-03-02T10:15:00.0000000Z</c>.</summary>
    public static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The key of a later step of an occurrence: <c>{series}/{step}</c>.</summary>
    public static string Step(string series, string step) => series + "/" + step;

    /// <summary>Whether a value may be part of an occurrence key: 1 to 150 characters without control characters.</summary>
    public static bool IsUsablePart(string? part) => part is { Length: > 0 and <= 150 } && !ControlCharacters.In(part);

    /// <summary>The part of a key before its last slash (the key itself when it has none).</summary>
    public static string Head(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.LastIndexOf('/');
        return slash < 0 ? key : key[..slash];
    }
}
