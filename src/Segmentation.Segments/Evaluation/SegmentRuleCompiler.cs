using Segmentation.Segments.Checking;
using Segmentation.Segments.Parsing;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Evaluation;

/// <summary>Checks and compiles rules into <see cref="CompiledSegmentRule"/>s.</summary>
public static class SegmentRuleCompiler
{
    /// <summary>Checks a syntax tree (e.g. from JSON) and compiles it.</summary>
    /// <exception cref="SegmentRuleException">The rule is invalid.</exception>
    public static CompiledSegmentRule Compile(RuleExpression rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        SegmentRuleChecker.Check(rule);
        return RuleCompiler.Compile(rule);
    }

    /// <summary>Parses, checks and compiles rule text.</summary>
    /// <exception cref="SegmentRuleException">The rule is invalid; the error has the line and column.</exception>
    public static CompiledSegmentRule Compile(string text) => RuleCompiler.Compile(SegmentRuleParser.Parse(text));
}
