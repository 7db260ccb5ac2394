using System.Globalization;
using System.Numerics;
using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Silo.Dashboard.Components.Pages.Triggers;

/// <summary>
/// What the trigger form edits: whether the trigger is enabled and each of its settings as entered. <see cref="Read"/>
/// turns the entries into the trigger's settings, reporting entries that are no value of their kind (a duration that
/// is no number, an amount list with a word in it) as errors of their field; the directory checks the values.
/// </summary>
public sealed class TriggerForm
{
    private readonly TriggerSettings _settings;

    private TriggerForm(TriggerSettings settings, TriggerDescription description)
    {
        _settings = settings.Clone();
        Description = description;
        Enabled = settings.Enabled;
        Inputs = [.. description.Fields.Select(field => new TriggerFieldInput(field, field.ValueIn(settings)))];
    }

    public TriggerDescription Description { get; }

    public bool Enabled { get; set; }

    public IReadOnlyList<TriggerFieldInput> Inputs { get; }

    public static TriggerForm From(TriggerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new TriggerForm(settings, TriggerDescriptions.Of(settings.Trigger)
            ?? throw new ArgumentException($"No trigger is named '{settings.Trigger}'.", nameof(settings)));
    }

    /// <summary>The settings as entered; a field whose entry cannot be read keeps its previous value and adds an error.</summary>
    public TriggerSettings Read(List<TriggerSettingError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var settings = _settings.Clone();
        settings.Enabled = Enabled;
        foreach (var input in Inputs)
        {
            if (TryRead(input, out var value, out var problem))
            {
                input.Field.SetIn(settings, value);
            }
            else
            {
                errors.Add(new TriggerSettingError(input.Field.Name, problem));
            }
        }

        return settings;
    }

    /// <summary>
    /// The errors of the entries without a round trip to the directory: those of reading first, then the settings' own
    /// checks (<see cref="TriggerSettings.Validate"/>) of the fields that could be read.
    /// </summary>
    public IReadOnlyList<TriggerSettingError> Check()
    {
        var errors = new List<TriggerSettingError>();
        var settings = Read(errors);
        var unread = errors.Select(static e => e.Field).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(settings.Validate().Where(e => !unread.Contains(e.Field)));
        return errors;
    }

    private static bool TryRead(TriggerFieldInput input, out object? value, out string problem)
    {
        var text = input.Text.Trim();
        problem = string.Empty;
        value = null;
        switch (input.Field.Kind)
        {
            case TriggerFieldKind.Text:
                value = text.Length == 0 ? null : text;
                return true;
            case TriggerFieldKind.Duration when DurationText.TryParse(text, input.Unit, out var duration):
                value = duration;
                return true;
            case TriggerFieldKind.Duration:
                problem = $"must be a number of {input.Unit.ToString().ToLowerInvariant()}, e.g. 45.";
                return false;
            case TriggerFieldKind.WholeNumber when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                value = number;
                return true;
            case TriggerFieldKind.WholeNumber:
                problem = "must be a whole number.";
                return false;
            case TriggerFieldKind.TimeOfDay when TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time):
                value = time;
                return true;
            case TriggerFieldKind.TimeOfDay:
                problem = "must be a time of day such as 09:00.";
                return false;
            case TriggerFieldKind.Choice when input.Field.Choices.Contains(text, StringComparer.Ordinal):
                value = Enum.Parse(input.Field.ValueType, text, ignoreCase: false);
                return true;
            case TriggerFieldKind.Choice:
                problem = $"must be one of {string.Join(", ", input.Field.Choices)}.";
                return false;
            case TriggerFieldKind.Amounts:
                return TryReadList<decimal>(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, "an amount", "500, 1000", out value, out problem);
            case TriggerFieldKind.Counts:
                return TryReadList<int>(text, NumberStyles.AllowLeadingSign, "a whole number", "5, 10", out value, out problem);
            case TriggerFieldKind.Segments:
                value = input.Selected.Count == 0 ? null : input.Selected.ToArray();
                return true;
            default:
                throw new InvalidOperationException($"A field of kind {input.Field.Kind} cannot be read.");
        }
    }

    private static bool TryReadList<T>(string text, NumberStyles styles, string what, string example, out object? value, out string problem)
        where T : struct, INumber<T>
    {
        value = null;
        problem = string.Empty;
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new T[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!T.TryParse(parts[i], styles, CultureInfo.InvariantCulture, out values[i]))
            {
                problem = $"must be values separated by commas, e.g. {example}; '{parts[i]}' is not {what}.";
                return false;
            }
        }

        value = values.Length == 0 ? null : values;
        return true;
    }
}
