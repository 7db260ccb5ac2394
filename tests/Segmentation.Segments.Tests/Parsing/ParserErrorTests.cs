using Segmentation.Segments.Parsing;

namespace Segmentation.Segments.Tests.Parsing;

public class ParserErrorTests
{
    [Theory]
    [InlineData("", "Line 1, column 1: the rule is empty; expected a condition, e.g. `orders_count > 0`")]
    [InlineData("and can_email", "Line 1, column 1: expected a condition: an attribute, a function such as count(...), `not` or `(`, found `and`")]
    [InlineData("(can_email and cart.empty", "Line 1, column 26: expected an operator (=, !=, <, <=, >, >=, in, contains, starts_with, exists, missing, within, before), `and`, `or` or `)` to close the `(` at line 1, column 1, found end of input")]
    [InlineData("(views(7d) > 1 and (cart.empty or can_email = true)", "Line 1, column 52: expected `and`, `or` or `)` to close the `(` at line 1, column 1, found end of input")]
    [InlineData("can_email)", "Line 1, column 10: found `)` without a matching `(`; expected `and`, `or` or end of input")]
    [InlineData("can_email = true false", "Line 1, column 18: expected `and`, `or` or end of input, found `false`")]
    [InlineData("email \"a@b.c\"", "Line 1, column 7: expected an operator (=, !=, <, <=, >, >=, in, contains, starts_with, exists, missing, within, before), `and`, `or` or end of input, found the string \"a@b.c\"")]
    [InlineData("orders_count >", "Line 1, column 15: expected a value (a string in double quotes, a number, true or false), found end of input")]
    [InlineData("orders_count > 7d", "Line 1, column 16: expected a value (a string in double quotes, a number, true or false), found the window `7d`")]
    [InlineData("orders_count > 3.", "Line 1, column 18: expected a digit after `3.`")]
    [InlineData("email = 'x'", "Line 1, column 9: strings are written in double quotes, e.g. \"vip\"; expected `\"`")]
    [InlineData("email = \"abc", "Line 1, column 9: unterminated string: a string ends with `\"` on the line it starts")]
    [InlineData("email = \"a\\qb\"", "Line 1, column 11: invalid escape in a string; expected one of \\\" \\\\ \\/ \\n \\r \\t \\uXXXX")]
    [InlineData("email = \"x\" & can_email", "Line 1, column 13: unexpected character `&`")]
    [InlineData("orders_count ! 3", "Line 1, column 14: unexpected character `!`; `not` negates a condition and `!=` means not equal; expected `!=`")]
    [InlineData("traits. = 1", "Line 1, column 8: expected a name after `traits.`")]
    [InlineData("views(7) > 1", "Line 1, column 7: expected a window such as `30d` (a whole number and m, h, d or w), found the number 7")]
    [InlineData("views(7d > 1", "Line 1, column 10: expected `)` to close `views(`, found `>`")]
    [InlineData("count(Product Viewed, 7d) > 1", "Line 1, column 7: expected an event name in double quotes, e.g. \"Product Viewed\", found `Product`")]
    [InlineData("count(\"Product Viewed\" 7d) > 1", "Line 1, column 24: expected `where`, `,` or `)`, found the window `7d`")]
    [InlineData("sum(\"Order Completed\", 30d) > 1", "Line 1, column 24: expected a property name such as `revenue` (quoted if it is not a plain name), found the window `30d`")]
    [InlineData("lifecycle in \"vip\"", "Line 1, column 14: expected `(` starting a list of values, e.g. in (\"vip\", \"active\"), found the string \"vip\"")]
    [InlineData("lifecycle in (\"vip\" \"new\")", "Line 1, column 21: expected `,` or `)`, found the string \"new\"")]
    [InlineData("email = \"a\" and\n  phone = \"1\" or\n  (country = \"FR\"", "Line 3, column 18: expected `and`, `or` or `)` to close the `(` at line 3, column 3, found end of input")]
    public void Parse_SyntaxError_ThrowsWithLineColumnAndExpectation(string text, string message)
    {
        // Act
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentRuleParser.Parse(text));

        // Assert
        Assert.Equal(message, exception.Message);
        Assert.Equal(message, exception.Error.Message);
    }

    [Theory]
    [InlineData("views(0d) > 1", "Line 1, column 7: invalid window `0d`: a window must be longer than zero")]
    [InlineData("views(-3d) > 1", "Line 1, column 7: invalid window `-3d`: a window must be longer than zero")]
    [InlineData("views(100d) > 0", "Line 1, column 7: invalid window `100d`: profiles keep 90 days of events, so a window can be at most 90d; a longer one could not be counted exactly")]
    [InlineData("count(\"Product Viewed\", 13w) > 0", "Line 1, column 25: invalid window `13w`: profiles keep 90 days of events, so a window can be at most 90d; a longer one could not be counted exactly")]
    [InlineData("last_order_at before 36500d", "Line 1, column 22: invalid window `36500d`: `within` and `before` take at most 1825d (5 years)")]
    [InlineData("email_clicked within 0m", "Line 1, column 22: invalid window `0m`: a window must be longer than zero")]
    [InlineData("views(100y) > 0", "Line 1, column 7: unknown window unit `y` in `100y`; expected m (minutes), h (hours), d (days) or w (weeks)")]
    [InlineData("views(30days) > 0", "Line 1, column 7: unknown window unit `days` in `30days`; expected m (minutes), h (hours), d (days) or w (weeks)")]
    [InlineData("views(1.5d) > 0", "Line 1, column 7: invalid window `1.5d`: a window is a whole number and a unit, e.g. `36h`")]
    [InlineData("views(99999999999d) > 0", "Line 1, column 7: invalid window `99999999999d`: the number is too large")]
    public void Parse_AbsurdWindow_ThrowsInvalidWindow(string text, string message)
    {
        // Act
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentRuleParser.Parse(text));

        // Assert
        Assert.Equal(message, exception.Message);
        Assert.Equal(SegmentRuleErrorCode.InvalidWindow, exception.Error.Code);
    }

    [Fact]
    public void Parse_MisspeltAttribute_SuggestsClosestName()
    {
        // Act
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentRuleParser.Parse("order_count > 3"));

        // Assert
        Assert.Equal("Line 1, column 1: unknown attribute `order_count`; did you mean `orders_count`?", exception.Message);
        Assert.Equal(new SegmentRuleError(SegmentRuleErrorCode.UnknownName, 1, 1, "unknown attribute `order_count`; did you mean `orders_count`?", "an attribute name", "orders_count"), exception.Error);
    }

    [Theory]
    [InlineData("can_email and\n  avg_ordr_value > 100", "Line 2, column 3: unknown attribute `avg_ordr_value`; did you mean `avg_order_value`?")]
    [InlineData("emial contains \"@\"", "Line 1, column 1: unknown attribute `emial`; did you mean `email`?")]
    [InlineData("Email exists", "Line 1, column 1: unknown attribute `Email`; did you mean `email`?")]
    [InlineData("rfm.cel = \"Loyal\"", "Line 1, column 1: unknown attribute `rfm.cel`; did you mean `rfm.cell`?")]
    [InlineData("favourite_colour = \"red\"", "Line 1, column 1: unknown attribute `favourite_colour`; expected an attribute name (the list is in docs/segment-rules.md) or `traits.<name>`")]
    [InlineData("order_count(30d) > 3", "Line 1, column 1: unknown function `order_count`; did you mean `orders_count`?")]
    [InlineData("COUNT(\"Product Viewed\", 7d) > 1", "Line 1, column 1: unknown function `COUNT`; did you mean `count`?")]
    [InlineData("avg(\"Order Completed\", revenue, 7d) > 1", "Line 1, column 1: unknown function `avg`; expected one of orders_count, revenue, views, cart_adds, count, sum, in_segment")]
    [InlineData("views > 1", "Line 1, column 1: `views` is a function; write it with its arguments, e.g. `views(30d)`")]
    [InlineData("traits > 1", "Line 1, column 1: `traits` needs a trait name, e.g. `traits.plan`")]
    public void Parse_UnknownName_ThrowsWithPositionAndSuggestion(string text, string message)
    {
        // Act
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentRuleParser.Parse(text));

        // Assert
        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Parse_NestingDeeperThanTheLimit_ThrowsInsteadOfOverflowingTheStack()
    {
        // Arrange
        var text = new string('(', 10_000) + "can_email" + new string(')', 10_000);

        // Act
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentRuleParser.Parse(text));

        // Assert
        Assert.Equal("Line 1, column 65: the rule nests parentheses and `not` more than 64 levels deep", exception.Message);
    }

    [Fact]
    public void Parse_NestingAtTheLimit_Parses()
    {
        // Arrange
        var text = string.Concat(Enumerable.Repeat("not (", 32)) + "can_email" + new string(')', 32);

        // Act
        var rule = SegmentRuleParser.Parse(text);

        // Assert
        Assert.Equal(text.Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal), Segmentation.Segments.Printing.SegmentRulePrinter.Print(rule));
    }

    [Fact]
    public void Parse_UnbalancedParentheses_ReportsExpectedClosingParenthesis()
    {
        // Act
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentRuleParser.Parse("(views(7d) > 1"));

        // Assert
        Assert.Equal(SegmentRuleErrorCode.Syntax, exception.Error.Code);
        Assert.Equal((1, 15), (exception.Error.Line, exception.Error.Column));
        Assert.Equal("`and`, `or` or `)` to close the `(` at line 1, column 1", exception.Error.Expected);
    }
}
