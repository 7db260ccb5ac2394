using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Dependencies;

/// <summary>The segment ids a rule refers to with <c>in_segment(...)</c>.</summary>
public static class SegmentReferences
{
    /// <summary>The referenced ids, ordered (ordinal).</summary>
    public static IReadOnlySet<string> Of(RuleExpression rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        Collect(rule, ids);
        return ids;
    }

    private static void Collect(RuleExpression? expression, SortedSet<string> ids)
    {
        switch (expression)
        {
            case AndExpression and:
                foreach (var operand in and.Operands ?? ValueList<RuleExpression>.Empty)
                {
                    Collect(operand, ids);
                }

                break;
            case OrExpression or:
                foreach (var operand in or.Operands ?? ValueList<RuleExpression>.Empty)
                {
                    Collect(operand, ids);
                }

                break;
            case NotExpression not:
                Collect(not.Operand, ids);
                break;
            case ComparisonCondition { Subject: SegmentOperand s }:
                Add(s, ids);
                break;
            case TruthCondition { Subject: SegmentOperand s }:
                Add(s, ids);
                break;
            case PresenceCondition { Subject: SegmentOperand s }:
                Add(s, ids);
                break;
        }
    }

    private static void Add(SegmentOperand operand, SortedSet<string> ids)
    {
        if (operand.SegmentId is { } id)
        {
            ids.Add(id);
        }
    }
}
