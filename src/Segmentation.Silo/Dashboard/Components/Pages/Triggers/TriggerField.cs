using System.Globalization;
using System.Reflection;
using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Silo.Dashboard.Components.Pages.Triggers;

/// <summary>
/// One setting of a trigger as the dashboard shows and edits it: the settings property it stands for (its name is the
/// <see cref="TriggerSettingError.Field"/> of the directory's validation errors), a label, a hint, and what an empty or
/// zero value means. How it is entered follows from the property's type.
/// </summary>
public sealed class TriggerField
{
    private readonly PropertyInfo _property;

    private TriggerField(PropertyInfo property, string label, string hint, string? whenEmpty)
    {
        _property = property;
        Label = label;
        Hint = hint;
        WhenEmpty = whenEmpty;
        Kind = KindOf(property.PropertyType);
    }

    /// <summary>The settings property, e.g. <c>Delay</c>.</summary>
    public string Name => _property.Name;

    public string Label { get; }

    public string Hint { get; }

    /// <summary>What an empty value (or a zero duration) means, e.g. "no second step"; null when it has no meaning of its own.</summary>
    public string? WhenEmpty { get; }

    public TriggerFieldKind Kind { get; }

    /// <summary>The type of the settings property.</summary>
    public Type ValueType => _property.PropertyType;

    /// <summary>The names of the values of a <see cref="TriggerFieldKind.Choice"/>; empty otherwise.</summary>
    public IReadOnlyList<string> Choices => Kind == TriggerFieldKind.Choice ? Enum.GetNames(ValueType) : [];

    /// <summary>A field of <typeparamref name="TSettings"/>'s property <paramref name="name"/>.</summary>
    public static TriggerField Of<TSettings>(string name, string label, string hint, string? whenEmpty = null)
        where TSettings : TriggerSettings =>
        new(typeof(TSettings).GetProperty(name) ?? throw new ArgumentException($"{typeof(TSettings).Name} has no property {name}.", nameof(name)),
            label, hint, whenEmpty);

    public object? ValueIn(TriggerSettings settings) => _property.GetValue(settings);

    public void SetIn(TriggerSettings settings, object? value) => _property.SetValue(settings, value);

    /// <summary>The value in <paramref name="settings"/> as the read-only view shows it (segment ids as they are).</summary>
    public string Describe(TriggerSettings settings) => ValueIn(settings) switch
    {
        null => WhenEmpty ?? "none",
        TimeSpan duration when duration == TimeSpan.Zero && WhenEmpty is not null => WhenEmpty,
        TimeSpan duration => DurationText.Describe(duration),
        TimeOnly time => time.ToString("HH:mm", CultureInfo.InvariantCulture),
        decimal[] amounts => Join(amounts.Select(static a => a.ToString(CultureInfo.InvariantCulture))),
        int[] counts => Join(counts.Select(static c => c.ToString(CultureInfo.InvariantCulture))),
        string[] ids => Join(ids),
        var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private string Join(IEnumerable<string> values) => string.Join(", ", values) is { Length: > 0 } text ? text : WhenEmpty ?? "none";

    private static TriggerFieldKind KindOf(Type type) => type switch
    {
        _ when type == typeof(string) => TriggerFieldKind.Text,
        _ when type == typeof(TimeSpan) => TriggerFieldKind.Duration,
        _ when type == typeof(int) => TriggerFieldKind.WholeNumber,
        _ when type == typeof(TimeOnly) => TriggerFieldKind.TimeOfDay,
        _ when type.IsEnum => TriggerFieldKind.Choice,
        _ when type == typeof(decimal[]) => TriggerFieldKind.Amounts,
        _ when type == typeof(int[]) => TriggerFieldKind.Counts,
        _ when type == typeof(string[]) => TriggerFieldKind.Segments,
        _ => throw new ArgumentException($"A trigger setting of type {type.Name} has no input.", nameof(type)),
    };
}
