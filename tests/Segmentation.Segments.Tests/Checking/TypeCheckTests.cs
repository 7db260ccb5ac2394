using Segmentation.Segments.Checking;
using Segmentation.Segments.Parsing;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Tests.Checking;

public class TypeCheckTests
{
    [Theory]
    [InlineData("email > 3", "Line 1, column 7: `email` is text and cannot be used with `>`; text takes =, !=, in, contains, starts_with, exists or missing")]
    [InlineData("email = 3", "Line 1, column 9: `email` is text and cannot be compared with the number 3; expected a string in double quotes")]
    [InlineData("orders_count = \"3\"", "Line 1, column 16: `orders_count` is a number and cannot be compared with the string \"3\"; expected a number")]
    [InlineData("orders_count contains \"3\"", "Line 1, column 14: `orders_count` is a number and cannot be used with `contains`; a number takes =, !=, <, <=, >, >=, in, exists or missing")]
    [InlineData("orders_count within 7d", "Line 1, column 14: `orders_count` is a number and cannot be used with `within`; a number takes =, !=, <, <=, >, >=, in, exists or missing")]
    [InlineData("cart.empty within 7d", "Line 1, column 12: `cart.empty` is a boolean and cannot be used with `within`; a boolean stands on its own or takes =, !=, exists or missing")]
    [InlineData("cart.empty = \"yes\"", "Line 1, column 14: `cart.empty` is a boolean and cannot be compared with the string \"yes\"; expected true or false")]
    [InlineData("can_email in (true)", "Line 1, column 11: `can_email` is a boolean and cannot be used with `in`; a boolean stands on its own or takes =, !=, exists or missing")]
    [InlineData("orders_count", "Line 1, column 1: `orders_count` is a number, not a condition; expected a comparison such as `orders_count > 0`")]
    [InlineData("views(7d)", "Line 1, column 1: `views(7d)` is a number, not a condition; expected a comparison such as `views(7d) > 0`")]
    [InlineData("last_order_at", "Line 1, column 1: `last_order_at` is a timestamp, not a condition; expected a comparison such as `last_order_at within 7d`")]
    [InlineData("traits.vip", "Line 1, column 1: `traits.vip` is a trait, not a condition; expected a comparison such as `traits.vip = true`")]
    [InlineData("lifecycle > \"vip\"", "Line 1, column 11: `lifecycle` is a choice of \"new\", \"active\", \"at_risk\", \"lapsed\", \"vip\" and cannot be used with `>`; a choice takes =, !=, in, exists or missing")]
    [InlineData("lifecycle = \"vipp\"", "Line 1, column 13: `lifecycle` has no value \"vipp\"; did you mean \"vip\"?")]
    [InlineData("rfm.cell in (\"Champions\", \"Whales\")", "Line 1, column 27: `rfm.cell` has no value \"Whales\"; expected one of \"Champions\", \"Loyal\", \"Potential Loyalists\", \"New\", \"Promising\", \"Need Attention\", \"About to Sleep\", \"At Risk\", \"Can't Lose Them\", \"Hibernating\"")]
    [InlineData("email_consent = \"subscribe\"", "Line 1, column 17: `email_consent` has no value \"subscribe\"; did you mean \"subscribed\"?")]
    [InlineData("first_order_at > \"yesterday\"", "Line 1, column 18: \"yesterday\" is not a date; expected an ISO 8601 date in double quotes, e.g. \"2025-01-31\" or \"2025-01-31T12:00:00Z\"")]
    [InlineData("first_order_at > 2025", "Line 1, column 18: `first_order_at` is a timestamp and cannot be compared with the number 2025; expected an ISO 8601 date in double quotes, e.g. \"2025-01-31\" or \"2025-01-31T12:00:00Z\"")]
    [InlineData("traits.plan > \"gold\"", "Line 1, column 15: `traits.plan` is a trait and `>` compares numbers, but found the string \"gold\"; expected a number")]
    [InlineData("count(\"Product Viewed\" where category, 7d) > 1", "Line 1, column 30: `category` is an event property, not a condition; expected a comparison such as `category = true`")]
    [InlineData("count(\"Product Viewed\" where seen_at within 7d, 7d) > 1", "Line 1, column 38: `seen_at` is an event property and cannot be used with `within`; an event property takes comparisons, in, contains, starts_with, exists or missing")]
    [InlineData("count(\"Product Viewed\" where category = \"shoes\") > 1", "Line 1, column 1: a filtered count needs a window, e.g. `count(\"Product Viewed\" where ..., 30d)`; only the lifetime total of an event name is kept")]
    [InlineData("count(\"\", 7d) > 1", "Line 1, column 1: the event name is empty; expected an event name such as \"Product Viewed\"")]
    [InlineData("in_segment(\"\")", "Line 1, column 1: the segment id is empty; expected a segment id such as \"vip-customers\"")]
    public void Parse_TypeOrValueError_ThrowsExactMessage(string text, string message)
    {
        // Act
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentRuleParser.Parse(text));

        // Assert
        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Parse_EmailGreaterThanNumber_IsTypeMismatchWithExpectedOperators()
    {
        // Act
        var error = Assert.Throws<SegmentRuleException>(() => SegmentRuleParser.Parse("email > 3")).Error;

        // Assert
        Assert.Equal(SegmentRuleErrorCode.TypeMismatch, error.Code);
        Assert.Equal("=, !=, in, contains, starts_with, exists or missing", error.Expected);
    }

    [Fact]
    public void Check_TreeWithoutPositions_NamesTheConditionInstead()
    {
        // Arrange
        var rule = new AndExpression(
        [
            new TruthCondition(new AttributeOperand("can_email")),
            new ComparisonCondition(new AttributeOperand("email"), ComparisonOperator.Greater, new NumberLiteral(3)),
        ]);

        // Act
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentRuleChecker.Check(rule));

        // Assert
        Assert.Equal("`email` is text and cannot be used with `>`; text takes =, !=, in, contains, starts_with, exists or missing (in `email > 3`)", exception.Message);
        Assert.Null(exception.Error.Line);
    }

    [Theory]
    [MemberData(nameof(MalformedTrees))]
    public void Check_MalformedTree_ThrowsMalformedTree(RuleExpression rule, string message)
    {
        // Act
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentRuleChecker.Check(rule));

        // Assert
        Assert.Equal(SegmentRuleErrorCode.MalformedTree, exception.Error.Code);
        Assert.Equal(message, exception.Message);
    }

    public static TheoryData<RuleExpression, string> MalformedTrees() => new()
    {
        { new AndExpression([new TruthCondition(new AttributeOperand("can_email"))]), "malformed rule: `and` needs at least two operands" },
        { new OrExpression(ValueList<RuleExpression>.Empty), "malformed rule: `or` needs at least two operands" },
        { new NotExpression(null!), "malformed rule: a condition is missing" },
        { new TruthCondition(new PropertyOperand("category")), "malformed rule: event properties can only be tested inside the `where` of count or sum" },
        { new InListCondition(new AttributeOperand("email"), ValueList<RuleLiteral>.Empty), "malformed rule: `in` needs at least one value" },
        { new ComparisonCondition(new AttributeOperand("email"), ComparisonOperator.Equal, null!), "malformed rule: a comparison has no value" },
        {
            new ComparisonCondition(
                new EventCountOperand("X", new TruthCondition(new AttributeOperand("can_email")), new RuleWindow(7, WindowUnit.Days)),
                ComparisonOperator.Greater,
                new NumberLiteral(0)),
            "malformed rule: inside `where`, conditions test event properties by name"
        },
    };

    [Fact]
    public void Check_InvalidTraitPathFromJson_ThrowsInvalidValue()
    {
        // Arrange
        var rule = new PresenceCondition(new TraitOperand("favorite color"), true);

        // Act
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentRuleChecker.Check(rule));

        // Assert
        Assert.Equal("invalid trait name `traits.favorite color`: trait names in rules are letters, digits and underscores, nested with dots (in `traits.favorite color exists`)", exception.Message);
    }
}
