using Segmentation.Segments.Parsing;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Checking;

/// <summary>
/// Checks a syntax tree against the <see cref="Catalog.AttributeCatalog"/>: names exist, operators and values fit
/// the operand's type, windows are within bounds, enumeration values and dates are valid, and the tree has the
/// shape the parser produces (which matters for trees that come from JSON). The first problem throws a
/// <see cref="SegmentRuleException"/>; for parsed text it carries the line and column.
/// </summary>
public static class SegmentRuleChecker
{
    /// <summary>The longest window of a windowed aggregate: the event history a profile keeps.</summary>
    public static readonly TimeSpan MaxAggregateWindow = Domain.Profiles.ProfileLimits.WindowRetention;

    /// <summary>The longest window of <c>within</c> and <c>before</c> (5 years of 365 days).</summary>
    public static readonly TimeSpan MaxRecencyWindow = TimeSpan.FromDays(1825);

    /// <summary>Checks a rule (typically from JSON); errors name the offending condition since there are no positions.</summary>
    public static void Check(RuleExpression rule) => Check(rule, null);

    internal static void Check(RuleExpression rule, RuleSourceMap? map) => new RuleChecker(map).CheckRoot(rule);
}
