using Segmentation.Domain.Profiles;

namespace Segmentation.Segments.Evaluation;

/// <summary>A compiled <c>where</c> filter of <c>count</c> or <c>sum</c>: a test on one tracked event.</summary>
internal abstract class EventFilter
{
    public abstract bool Matches(in TrackedEvent entry);
}

/// <summary>Every operand matches.</summary>
internal sealed class AllEventFilter(EventFilter[] operands) : EventFilter
{
    public override bool Matches(in TrackedEvent entry)
    {
        foreach (var operand in operands)
        {
            if (!operand.Matches(entry))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Some operand matches.</summary>
internal sealed class AnyEventFilter(EventFilter[] operands) : EventFilter
{
    public override bool Matches(in TrackedEvent entry)
    {
        foreach (var operand in operands)
        {
            if (operand.Matches(entry))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The operand does not match.</summary>
internal sealed class NotEventFilter(EventFilter operand) : EventFilter
{
    public override bool Matches(in TrackedEvent entry) => !operand.Matches(entry);
}

/// <summary>A property condition (a missing property is passed as null).</summary>
internal sealed class PropertyEventFilter(string name, Func<ScalarValue?, bool> test) : EventFilter
{
    public override bool Matches(in TrackedEvent entry) => test(entry.TryGetProperty(name, out var value) ? value : null);
}

/// <summary><c>property = "text"</c>, the most common filter, without a delegate call.</summary>
internal sealed class PropertyTextEqualsEventFilter(string name, string text) : EventFilter
{
    public override bool Matches(in TrackedEvent entry) =>
        entry.TryGetText(name, out var value) && string.Equals(value, text, StringComparison.OrdinalIgnoreCase);
}
