using System.Text.Json;
using Segmentation.Segments.Json;
using Segmentation.Segments.Parsing;
using Segmentation.Segments.Syntax;
using Segmentation.Segments.Tests.Support;

namespace Segmentation.Segments.Tests.Json;

public class SegmentRuleJsonTests
{
    [Fact]
    public void Serialize_ComparisonOnFilteredCount_WritesKindsSymbolsValuesAndWindowText()
    {
        // Arrange
        var rule = SegmentRuleParser.Parse("count(\"Product Viewed\" where category = \"shoes\", 14d) >= 2.50 and not cart.empty");

        // Act
        var json = SegmentRuleJson.Serialize(rule);

        // Assert
        Assert.Equal(
            """{"kind":"and","operands":[{"kind":"compare","subject":{"kind":"count","eventName":"Product Viewed","filter":{"kind":"compare","subject":{"kind":"property","name":"category"},"operator":"=","value":"shoes"},"window":"14d"},"operator":">=","value":2.5},{"kind":"not","operand":{"kind":"is_true","subject":{"kind":"attribute","name":"cart.empty"}}}]}""",
            json);
    }

    [Fact]
    public void Deserialize_HandWrittenJsonInAnyFieldOrder_ReadsTheRule()
    {
        // Arrange
        const string json = """
            {"operands": [
                {"subject": {"function": "orders_count", "window": "30d", "kind": "window"}, "operator": ">", "value": 3, "kind": "compare"},
                {"subject": {"name": "email_clicked", "kind": "attribute"}, "kind": "recency", "recency": "within", "window": "7d"},
                {"kind": "in", "subject": {"kind": "trait", "path": "plan"}, "values": ["gold", 2, true]}
            ], "kind": "or"}
            """;

        // Act
        var rule = SegmentRuleJson.Deserialize(json);

        // Assert
        Assert.Equal(SegmentRuleParser.Parse("orders_count(30d) > 3 or email_clicked within 7d or traits.plan in (\"gold\", 2, true)"), rule);
    }

    [Theory]
    [InlineData("""{"kind":"compare","subject":{"kind":"attribute","name":"email"},"operator":">","value":3}""", "`email` is text and cannot be used with `>`; text takes =, !=, in, contains, starts_with, exists or missing (in `email > 3`)")]
    [InlineData("""{"kind":"and","operands":[{"kind":"is_true","subject":{"kind":"attribute","name":"can_email"}}]}""", "malformed rule: `and` needs at least two operands")]
    [InlineData("""{"kind":"xor","operands":[]}""", "malformed rule JSON at $.kind: unknown kind \"xor\"; did you mean \"or\"?")]
    [InlineData("""{"kind":"or","operands":[{"kind":"is_true","subject":{"kind":"attribute","name":"can_email"}},{"kind":"recency","subject":{"kind":"attribute","name":"email_clicked"},"recency":"within","window":"7d","kind2":1}]}""", "malformed rule JSON at $.operands[1]: unknown field `kind2`; expected kind, subject, recency, window")]
    [InlineData("""{"kind":"compare","subject":{"kind":"window","function":"views","window":"7days"},"operator":">","value":3}""", "malformed rule JSON at $.subject.window: expected a window such as \"30d\" (a whole number and m, h, d or w), found \"7days\"")]
    [InlineData("""{"kind":"compare","subject":{"kind":"window","function":"views","window":"0d"},"operator":">","value":3}""", "invalid window `0d`: a window must be longer than zero (in `views(0d) > 3`)")]
    [InlineData("""{"kind":"compare","subject":{"kind":"attribute","name":"orders_count"},"operator":"~","value":3}""", "malformed rule JSON at $.operator: unknown operator \"~\"; expected one of =, !=, <, <=, >, >=")]
    [InlineData("""{"kind":"compare","subject":{"kind":"attribute","name":"orders_count"},"operator":">","value":[3]}""", "malformed rule JSON at $.value: expected a string, a number or a boolean, found an array")]
    [InlineData("""{"kind":"compare","subject":{"kind":"attribute","name":"orders_count"},"operator":">","value":1e400}""", "malformed rule JSON at $.value: the number 1e400 is out of range")]
    [InlineData("""{"kind":"compare","subject":{"kind":"attribute","name":"orders_count"},"operator":">"}""", "malformed rule JSON at $: missing `value`")]
    [InlineData("""{"kind":"is_true","subject":{"kind":"attribute","name":"orders_cnt"}}""", "unknown attribute `orders_cnt`; did you mean `orders_count`? (in `orders_cnt`)")]
    [InlineData("""{"kind":"is_true","subject":{"name":"can_email"}}""", "malformed rule JSON at $.subject: missing `kind`; expected one of attribute, trait, window, count, sum, in_segment, property")]
    [InlineData("null", "malformed rule JSON at $: expected an object with a `kind`, found null")]
    [InlineData("[1]", "malformed rule JSON at $: expected an object with a `kind`, found an array")]
    public void Deserialize_InvalidRule_ThrowsExactMessage(string json, string message)
    {
        // Act
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentRuleJson.Deserialize(json));

        // Assert
        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Deserialize_NotJson_ThrowsMalformedTreeWithTheReadersMessage()
    {
        // Act
        var exception = Assert.Throws<SegmentRuleException>(() => SegmentRuleJson.Deserialize("{\"kind\":"));

        // Assert
        Assert.Equal(SegmentRuleErrorCode.MalformedTree, exception.Error.Code);
        Assert.StartsWith("malformed rule JSON: ", exception.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(exception.InnerException, exactMatch: false);
    }

    [Fact]
    public void JsonSerializer_RuleInsideAnObject_UsesTheJsonForm()
    {
        // Arrange
        var request = new SegmentRequest("vip", SegmentRuleParser.Parse("lifecycle = \"vip\""));

        // Act
        var json = JsonSerializer.Serialize(request);
        var back = JsonSerializer.Deserialize<SegmentRequest>(json);

        // Assert
        Assert.Equal("""{"Id":"vip","Rule":{"kind":"compare","subject":{"kind":"attribute","name":"lifecycle"},"operator":"=","value":"vip"}}""", json);
        Assert.Equal(request, back);
    }

    [Fact]
    public void JsonSerializer_MalformedRuleInsideAnObject_ThrowsJsonExceptionWithPath()
    {
        // Act
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SegmentRequest>("""{"Id":"x","Rule":{"kind":"nope"}}"""));

        // Assert
        Assert.Equal("$.Rule", exception.Path);
        Assert.StartsWith("malformed rule JSON at $.kind: unknown kind \"nope\"", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Deserialize_SerializedValidTree_GivesTheSameTree(int seed)
    {
        // Arrange
        var generator = new RuleGenerator(seed);
        for (var i = 0; i < 300; i++)
        {
            var rule = generator.Valid(depth: 4);

            // Act
            var json = SegmentRuleJson.Serialize(rule);
            var back = SegmentRuleJson.Deserialize(json);

            // Assert
            Assert.True(rule.Equals(back), $"JSON round trip changed the tree: {json}");
            Assert.Equal(json, SegmentRuleJson.Serialize(back));
        }
    }

    private sealed record SegmentRequest(string Id, RuleExpression Rule);
}
