using System.Globalization;

namespace Segmentation.Domain.Triggers.Settings;

/// <summary>The checks the trigger settings share, each adding a <see cref="TriggerSettingError"/> when it fails.</summary>
internal static class SettingChecks
{
    public const int MaxTemplateIdLength = 200;

    public static void Duration(List<TriggerSettingError> errors, string field, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add(new TriggerSettingError(field, $"must be from {Describe(min)} to {Describe(max)}; got {value.ToString("c", CultureInfo.InvariantCulture)}."));
        }
    }

    public static void Range(List<TriggerSettingError> errors, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(new TriggerSettingError(field, $"must be a whole number from {min} to {max}; got {value}."));
        }
    }

    public static void TemplateId(List<TriggerSettingError> errors, string field, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length == 0 || value.Length > MaxTemplateIdLength || ControlCharacters.In(value) || value.Trim().Length != value.Length)
        {
            errors.Add(new TriggerSettingError(field, $"must be 1 to {MaxTemplateIdLength} characters without control characters or surrounding spaces, or left out."));
        }
    }

    public static string Describe(TimeSpan value) => value switch
    {
        { Ticks: 0 } => "0",
        { TotalDays: >= 1 } when value.Ticks % TimeSpan.TicksPerDay == 0 => Plural((int)value.TotalDays, "day"),
        { TotalHours: >= 1 } when value.Ticks % TimeSpan.TicksPerHour == 0 => Plural((int)value.TotalHours, "hour"),
        { TotalMinutes: >= 1 } when value.Ticks % TimeSpan.TicksPerMinute == 0 => Plural((int)value.TotalMinutes, "minute"),
        _ => value.ToString("c", CultureInfo.InvariantCulture),
    };

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
