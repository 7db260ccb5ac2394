namespace Segmentation.Segments.Evaluation;

/// <summary>
/// The two earliest next changes of a set's rules (UTC ticks, <see cref="long.MaxValue"/> for none), each with its
/// rule's index (-1 for none). Every other rule changes no earlier than <see cref="Second"/>: with no second rule, it is
/// only that bound.
/// </summary>
internal struct EarliestChanges
{
    public long First;
    public long Second;
    public int FirstRule;
    public int SecondRule;

    public static EarliestChanges None => new() { First = long.MaxValue, FirstRule = -1, Second = long.MaxValue, SecondRule = -1 };

    /// <summary>Takes a rule's next change into the two earliest.</summary>
    public void Add(long ticks, int rule)
    {
        if (ticks < First)
        {
            (Second, SecondRule) = (First, FirstRule);
            (First, FirstRule) = (ticks, rule);
        }
        else if (ticks < Second)
        {
            (Second, SecondRule) = (ticks, rule);
        }
    }
}
