using System.Globalization;

namespace Segmentation.Silo.Dashboard.Components;

/// <summary>How the dashboard writes numbers, money and times: one format everywhere, times in UTC.</summary>
public static class Display
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(double value) => value.ToString("N1", CultureInfo.InvariantCulture);

    public static string Money(decimal value, string? currency = null) =>
        value.ToString("N2", CultureInfo.InvariantCulture) + (currency is null ? string.Empty : " " + currency);

    public static string Percent(long part, long whole) =>
        whole <= 0 ? "0%" : ((double)part / whole).ToString("P0", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string Time(DateTimeOffset? value) => value is { } time ? Time(time) : "—";

    public static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>The address of a page about <paramref name="id"/>, e.g. <c>Link("customers", "u 1")</c> is <c>customers/u%201</c>.</summary>
    public static string Link(string section, string id) => $"{section}/{Uri.EscapeDataString(id)}";
}
