using Segmentation.Segments.Dependencies;
using Segmentation.Segments.Parsing;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Tests.Dependencies;

public class SegmentDependencyGraphTests
{
    private static Dictionary<string, RuleExpression> Definitions(params (string Id, string Rule)[] definitions) =>
        definitions.ToDictionary(d => d.Id, d => SegmentRuleParser.Parse(d.Rule), StringComparer.Ordinal);

    [Fact]
    public void Build_Chain_OrdersEverySegmentAfterItsReferences()
    {
        // Arrange
        var definitions = Definitions(
            ("vip-at-risk", "in_segment(\"vip\") and lifecycle = \"at_risk\""),
            ("vip", "total_revenue >= 1000"),
            ("engaged-vip", "in_segment(\"vip-at-risk\") = false and in_segment(\"vip\") and email_clicked within 30d"),
            ("abandoned", "not cart.empty"));

        // Act
        var graph = SegmentDependencyGraph.Build(definitions);

        // Assert
        Assert.Equal(["abandoned", "vip", "vip-at-risk", "engaged-vip"], graph.EvaluationOrder);
        Assert.Equal(["vip", "vip-at-risk"], graph.DependenciesOf("engaged-vip").Order(StringComparer.Ordinal));
        Assert.Equal(["vip-at-risk", "engaged-vip"], graph.DependentsOf("vip"));
        Assert.Empty(graph.DependentsOf("abandoned"));
    }

    [Fact]
    public void Build_SelfReference_ThrowsNamingTheSegment()
    {
        // Arrange
        var definitions = Definitions(("loop", "can_email and not in_segment(\"loop\")"));

        // Act
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentDependencyGraph.Build(definitions));

        // Assert
        Assert.Equal("segment `loop` refers to itself: in_segment(\"loop\")", exception.Message);
        Assert.Equal(SegmentRuleErrorCode.Cycle, exception.Error.Code);
    }

    [Fact]
    public void Build_IndirectCycle_ThrowsNamingTheCyclePath()
    {
        // Arrange
        var definitions = Definitions(
            ("a", "in_segment(\"b\")"),
            ("b", "in_segment(\"c\") or can_email"),
            ("c", "in_segment(\"a\") and cart.empty"),
            ("d", "in_segment(\"a\")"));

        // Act
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentDependencyGraph.Build(definitions));

        // Assert
        Assert.Equal("segments refer to each other in a cycle: `a` -> `b` -> `c` -> `a`", exception.Message);
    }

    [Fact]
    public void Build_CycleNotThroughTheFirstSegment_NamesOnlyTheCycle()
    {
        // Arrange
        var definitions = Definitions(
            ("a", "in_segment(\"m\")"),
            ("m", "in_segment(\"z\")"),
            ("z", "in_segment(\"m\")"));

        // Act
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentDependencyGraph.Build(definitions));

        // Assert
        Assert.Equal("segments refer to each other in a cycle: `m` -> `z` -> `m`", exception.Message);
    }

    [Fact]
    public void Build_UnknownReference_ThrowsWithSuggestion()
    {
        // Arrange
        var definitions = Definitions(("recent-buyers", "orders_count(7d) > 0"), ("x", "in_segment(\"recent-buyer\")"));

        // Act
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentDependencyGraph.Build(definitions));

        // Assert
        Assert.Equal("segment `x` refers to unknown segment `recent-buyer`; did you mean `recent-buyers`?", exception.Message);
        Assert.Equal(SegmentRuleErrorCode.UnknownSegment, exception.Error.Code);
        Assert.Equal("recent-buyers", exception.Error.Suggestion);
    }

    [Fact]
    public void References_RuleWithNestedReferences_ListsEachIdOnce()
    {
        // Arrange
        var rule = SegmentRuleParser.Parse("(in_segment(\"b\") or not in_segment(\"a\")) and in_segment(\"b\") exists");

        // Act
        var references = SegmentReferences.Of(rule);

        // Assert
        Assert.Equal(["a", "b"], references);
    }
}
