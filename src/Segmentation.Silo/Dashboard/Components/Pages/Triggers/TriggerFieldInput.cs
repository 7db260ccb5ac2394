using System.Globalization;

namespace Segmentation.Silo.Dashboard.Components.Pages.Triggers;

/// <summary>What the form holds for one setting, as entered: text (numbers, times and lists too), a unit, or picked segments.</summary>
public sealed class TriggerFieldInput
{
    private readonly List<string> _selected = [];

    public TriggerFieldInput(TriggerField field, object? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        Field = field;
        switch (value)
        {
            case TimeSpan duration:
                (Text, Unit) = DurationText.Split(duration);
                break;
            case TimeOnly time:
                Text = time.ToString("HH:mm", CultureInfo.InvariantCulture);
                break;
            case decimal[] amounts:
                Text = string.Join(", ", amounts.Select(static a => a.ToString(CultureInfo.InvariantCulture)));
                break;
            case int[] counts:
                Text = string.Join(", ", counts.Select(static c => c.ToString(CultureInfo.InvariantCulture)));
                break;
            case string[] ids:
                _selected.AddRange(ids);
                break;
            default:
                Text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                break;
        }
    }

    public TriggerField Field { get; }

    public string Text { get; set; } = string.Empty;

    public DurationUnit Unit { get; set; }

    /// <summary>The segment ids picked, in the order they were picked.</summary>
    public IReadOnlyList<string> Selected => _selected;

    public void Select(string segmentId, bool selected)
    {
        _selected.Remove(segmentId);
        if (selected)
        {
            _selected.Add(segmentId);
        }
    }
}
