using System.Globalization;
using Segmentation.Tracking;

namespace Segmentation.Import.Orders;

/// <summary>Parsing of ids and numbers as they appear in order exports (invariant culture, no thousands separators).</summary>
public static class FieldParsers
{
    /// <summary>The longest customer id or invoice number accepted: the tracking API's id limit (ids become grain keys).</summary>
    public const int MaxIdLength = TrackingLimits.MaxSupportedIdLength;

    private const NumberStyles NumberStyle =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    private static readonly HashSet<string> MissingValues = new(StringComparer.OrdinalIgnoreCase) { "(blank)", "nan", "null", "none", "n/a" };

    /// <summary>
    /// The customer id, or null when it is missing (empty, <c>(blank)</c>, <c>nan</c>, <c>null</c>). A number written
    /// as a float by a spreadsheet or pandas (<c>12923.0</c>) is taken as the integer it is.
    /// </summary>
    public static string? NormalizeCustomerId(string? raw)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text) || MissingValues.Contains(text))
        {
            return null;
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        if (point > 0 && text[..point].All(char.IsAsciiDigit) && text[(point + 1)..].All(c => c == '0'))
        {
            return text[..point];
        }

        return text;
    }

    /// <summary>Whether an id can be used as a customer id, order id or part of a message id.</summary>
    public static bool IsUsableId(string id) => id.Length <= MaxIdLength && !id.Any(char.IsControl);

    /// <summary>A whole quantity; <c>6</c> and <c>6.0</c> are accepted, <c>6.5</c> is not.</summary>
    public static bool TryParseQuantity(string? text, out int quantity)
    {
        quantity = 0;
        if (!decimal.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out var value) || value != decimal.Truncate(value)
            || value is > int.MaxValue or < int.MinValue)
        {
            return false;
        }

        quantity = (int)value;
        return true;
    }

    /// <summary>An amount such as <c>2.55</c> or <c>-1.25</c>: no currency symbol, no thousands separator.</summary>
    public static bool TryParseMoney(string? text, out decimal amount) =>
        decimal.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out amount);
}
