using Segmentation.Segments.Parsing;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Tests.Parsing;

public class ParserTests
{
    private static AttributeOperand Attr(string name) => new(name);

    private static NumberLiteral Num(decimal value) => new(value);

    [Fact]
    public void Parse_IssueExample_BuildsTheExpectedTree()
    {
        // Arrange
        const string text = "orders_count(30d) > 3 and avg_order_value > 100 and (email_clicked within 7d or lifecycle = \"vip\") and not cart.empty";

        // Act
        var rule = SegmentRuleParser.Parse(text);

        // Assert
        RuleExpression expected = new AndExpression(
        [
            new ComparisonCondition(new WindowOperand("orders_count", new RuleWindow(30, WindowUnit.Days)), ComparisonOperator.Greater, Num(3)),
            new ComparisonCondition(Attr("avg_order_value"), ComparisonOperator.Greater, Num(100)),
            new OrExpression(
            [
                new RecencyCondition(Attr("email_clicked"), RecencyKind.Within, new RuleWindow(7, WindowUnit.Days)),
                new ComparisonCondition(Attr("lifecycle"), ComparisonOperator.Equal, new StringLiteral("vip")),
            ]),
            new NotExpression(new TruthCondition(Attr("cart.empty"))),
        ]);
        Assert.Equal(expected, rule);
    }

    [Fact]
    public void Parse_FilteredEventCount_BuildsCountWithFilterAndWindow()
    {
        // Act
        var rule = SegmentRuleParser.Parse("count(\"Product Viewed\" where category = \"shoes\", 14d) >= 2");

        // Assert
        var expected = new ComparisonCondition(
            new EventCountOperand(
                "Product Viewed",
                new ComparisonCondition(new PropertyOperand("category"), ComparisonOperator.Equal, new StringLiteral("shoes")),
                new RuleWindow(14, WindowUnit.Days)),
            ComparisonOperator.GreaterOrEqual,
            Num(2));
        Assert.Equal(expected, rule);
    }

    [Fact]
    public void Parse_SumWithFilterOfSeveralConditions_BuildsSum()
    {
        // Act
        var rule = SegmentRuleParser.Parse("sum(\"Order Completed\" where currency = \"USD\" and \"gift wrap\" missing, revenue, 30d) > 250.50");

        // Assert
        var filter = new AndExpression(
        [
            new ComparisonCondition(new PropertyOperand("currency"), ComparisonOperator.Equal, new StringLiteral("USD")),
            new PresenceCondition(new PropertyOperand("gift wrap"), false),
        ]);
        var expected = new ComparisonCondition(
            new EventSumOperand("Order Completed", filter, "revenue", new RuleWindow(30, WindowUnit.Days)),
            ComparisonOperator.Greater,
            Num(250.5m));
        Assert.Equal(expected, rule);
    }

    [Fact]
    public void Parse_EveryConditionForm_BuildsEachNode()
    {
        // Act
        var rule = SegmentRuleParser.Parse(
            "rfm.cell in (\"Champions\", \"Loyal\") or email contains \"@example.com\" or first_name starts_with \"jo\" "
            + "or phone exists or traits.plan missing or last_order_at before 60d or in_segment(\"vip\") or count(\"Wishlist Added\") != 0");

        // Assert
        RuleExpression expected = new OrExpression(
        [
            new InListCondition(Attr("rfm.cell"), [new StringLiteral("Champions"), new StringLiteral("Loyal")]),
            new TextMatchCondition(Attr("email"), TextMatchKind.Contains, "@example.com"),
            new TextMatchCondition(Attr("first_name"), TextMatchKind.StartsWith, "jo"),
            new PresenceCondition(Attr("phone"), true),
            new PresenceCondition(new TraitOperand("plan"), false),
            new RecencyCondition(Attr("last_order_at"), RecencyKind.Before, new RuleWindow(60, WindowUnit.Days)),
            new TruthCondition(new SegmentOperand("vip")),
            new ComparisonCondition(new EventCountOperand("Wishlist Added", null, null), ComparisonOperator.NotEqual, Num(0)),
        ]);
        Assert.Equal(expected, rule);
    }

    [Fact]
    public void Parse_AndBindsTighterThanOr_GroupsAnds()
    {
        // Act
        var rule = SegmentRuleParser.Parse("can_email and cart.empty or not can_email and cart.items > 0");

        // Assert
        RuleExpression expected = new OrExpression(
        [
            new AndExpression([new TruthCondition(Attr("can_email")), new TruthCondition(Attr("cart.empty"))]),
            new AndExpression(
            [
                new NotExpression(new TruthCondition(Attr("can_email"))),
                new ComparisonCondition(Attr("cart.items"), ComparisonOperator.Greater, Num(0)),
            ]),
        ]);
        Assert.Equal(expected, rule);
    }

    [Fact]
    public void Parse_KeywordsInUpperCaseAndDoubleEquals_SameTreeAsCanonical()
    {
        // Act
        var shouting = SegmentRuleParser.Parse("NOT cart.empty AND lifecycle == \"vip\" Or traits.vip = TRUE");
        var canonical = SegmentRuleParser.Parse("not cart.empty and lifecycle = \"vip\" or traits.vip = true");

        // Assert
        Assert.Equal(canonical, shouting);
    }

    [Fact]
    public void Parse_MultiLineWithExtraParentheses_IgnoresLayoutAndGrouping()
    {
        // Act
        var rule = SegmentRuleParser.Parse("(\n  ((views(7d) >= 3))\n  and\n\tcart_adds(24h) = 0\n)");

        // Assert
        RuleExpression expected = new AndExpression(
        [
            new ComparisonCondition(new WindowOperand("views", new RuleWindow(7, WindowUnit.Days)), ComparisonOperator.GreaterOrEqual, Num(3)),
            new ComparisonCondition(new WindowOperand("cart_adds", new RuleWindow(24, WindowUnit.Hours)), ComparisonOperator.Equal, Num(0)),
        ]);
        Assert.Equal(expected, rule);
    }

    [Fact]
    public void Parse_StringEscapesAndNegativeNumbers_DecodesValues()
    {
        // Act
        var rule = SegmentRuleParser.Parse("traits.note = \"say \\\"hi\\\"\\n\\u00e9\" and traits.balance > -12.5");

        // Assert
        RuleExpression expected = new AndExpression(
        [
            new ComparisonCondition(new TraitOperand("note"), ComparisonOperator.Equal, new StringLiteral("say \"hi\"\né")),
            new ComparisonCondition(new TraitOperand("balance"), ComparisonOperator.Greater, Num(-12.5m)),
        ]);
        Assert.Equal(expected, rule);
    }

    [Theory]
    [InlineData("views(90m) > 0", 90, WindowUnit.Minutes)]
    [InlineData("views(36h) > 0", 36, WindowUnit.Hours)]
    [InlineData("views(90d) > 0", 90, WindowUnit.Days)]
    [InlineData("views(12w) > 0", 12, WindowUnit.Weeks)]
    public void Parse_WindowUnits_KeepsAmountAndUnit(string text, int amount, WindowUnit unit)
    {
        // Act
        var rule = (ComparisonCondition)SegmentRuleParser.Parse(text);

        // Assert
        Assert.Equal(new RuleWindow(amount, unit), ((WindowOperand)rule.Subject).Window);
    }

    [Fact]
    public void Parse_NestedTraitPath_KeepsPathAfterPrefix()
    {
        // Act
        var rule = SegmentRuleParser.Parse("traits.address.city = \"Paris\"");

        // Assert
        Assert.Equal(new TraitOperand("address.city"), ((ComparisonCondition)rule).Subject);
    }

    [Fact]
    public void TryParse_InvalidRule_ReturnsFalseWithError()
    {
        // Act
        var ok = SegmentRuleParser.TryParse("orders_count >", out var rule, out var error);

        // Assert
        Assert.False(ok);
        Assert.Null(rule);
        Assert.Equal("Line 1, column 15: expected a value (a string in double quotes, a number, true or false), found end of input", error!.Message);
    }
}
