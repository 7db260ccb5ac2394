using Segmentation.Segments.Parsing;
using Segmentation.Segments.Printing;
using Segmentation.Segments.Syntax;
using Segmentation.Segments.Tests.Support;

namespace Segmentation.Segments.Tests.Printing;

public class PrinterTests
{
    [Theory]
    [InlineData(
        "orders_count(30d) > 3 AND avg_order_value > 100.00 and (email_clicked within 7d OR lifecycle == \"vip\") and not cart.empty",
        "orders_count(30d) > 3 and avg_order_value > 100 and (email_clicked within 7d or lifecycle = \"vip\") and not cart.empty")]
    [InlineData("((can_email))", "can_email")]
    [InlineData("can_email and cart.empty or views(7d)>=3", "(can_email and cart.empty) or views(7d) >= 3")]
    [InlineData("not (can_email or cart.empty)", "not (can_email or cart.empty)")]
    [InlineData("(can_email and cart.empty) and email exists", "(can_email and cart.empty) and email exists")]
    [InlineData("not not can_email", "not not can_email")]
    [InlineData("count(\"Product Viewed\"   where category=\"shoes\" and price>=50.50,14d)>=2", "count(\"Product Viewed\" where category = \"shoes\" and price >= 50.5, 14d) >= 2")]
    [InlineData("sum(\"Order Completed\" where \"in\" = 1, \"gift wrap\", 30d) > 0", "sum(\"Order Completed\" where \"in\" = 1, \"gift wrap\", 30d) > 0")]
    [InlineData("lifecycle in(\"vip\",\"at risk\")", "lifecycle in (\"vip\", \"at risk\")")]
    [InlineData("traits.note = \"a\\/b\\u0009c\"", "traits.note = \"a/b\\tc\"")]
    [InlineData("traits.balance < -0.50", "traits.balance < -0.5")]
    public void Print_ParsedRule_GivesNormalizedText(string text, string expected)
    {
        // Arrange
        var rule = SegmentRuleParser.Parse(text);

        // Act
        var printed = SegmentRulePrinter.Print(rule);

        // Assert
        Assert.Equal(expected, printed);
    }

    [Fact]
    public void Print_NestedSameOperators_ParenthesizesToKeepTheTree()
    {
        // Arrange
        var a = new TruthCondition(new AttributeOperand("can_email"));
        var b = new TruthCondition(new AttributeOperand("cart.empty"));
        var c = new TruthCondition(new AttributeOperand("email_suppressed"));
        var rule = new OrExpression([new OrExpression([a, b]), new AndExpression([new AndExpression([a, b]), c])]);

        // Act
        var printed = SegmentRulePrinter.Print(rule);

        // Assert
        Assert.Equal("(can_email or cart.empty) or ((can_email and cart.empty) and email_suppressed)", printed);
        Assert.Equal(rule, SegmentRuleParser.Parse(printed));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void ParseSyntax_PrintOfAnyTree_GivesTheSameTree(int seed)
    {
        // Arrange: 400 trees that follow the grammar, with arbitrary names, strings, numbers and windows.
        var generator = new RuleGenerator(seed);
        for (var i = 0; i < 400; i++)
        {
            var rule = generator.AnySyntax(depth: 4);

            // Act
            var printed = SegmentRulePrinter.Print(rule);
            var reparsed = SegmentRuleParser.ParseSyntax(printed);

            // Assert
            Assert.True(rule.Equals(reparsed), $"Round trip changed the tree of: {printed}");
            Assert.Equal(printed, SegmentRulePrinter.Print(reparsed));
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Parse_PrintOfValidTree_GivesTheSameTree(int seed)
    {
        // Arrange: 400 trees that pass the checker.
        var generator = new RuleGenerator(seed);
        for (var i = 0; i < 400; i++)
        {
            var rule = generator.Valid(depth: 4);

            // Act
            var printed = SegmentRulePrinter.Print(rule);
            var reparsed = SegmentRuleParser.Parse(printed);

            // Assert
            Assert.True(rule.Equals(reparsed), $"Round trip changed the tree of: {printed}");
        }
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(100.500, "100.5")]
    [InlineData(-3.0, "-3")]
    [InlineData(0.0001, "0.0001")]
    public void FormatNumber_Decimal_HasNoTrailingZeros(double value, string expected)
    {
        // Act
        var text = SegmentRulePrinter.FormatNumber((decimal)value);

        // Assert
        Assert.Equal(expected, text);
    }
}
