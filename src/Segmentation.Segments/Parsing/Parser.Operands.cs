using Segmentation.Segments.Catalog;
using Segmentation.Segments.Checking;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Parsing;

/// <summary>Operands: attributes, traits, functions, and event properties inside filters.</summary>
internal sealed partial class Parser
{
    private const string OperandExpectation = "a condition: an attribute, a function such as count(...), `not` or `(`";

    private RuleOperand ParseOperand()
    {
        var token = Current;
        if (token.Kind != TokenKind.Name || Keywords.Contains(token.Text))
        {
            throw Unexpected(OperandExpectation);
        }

        if (Lookahead.Kind == TokenKind.LeftParen)
        {
            return ParseFunction();
        }

        Advance();
        RuleOperand operand = token.Text.StartsWith(AttributeCatalog.TraitsPrefix, StringComparison.Ordinal)
            ? new TraitOperand(token.Text[AttributeCatalog.TraitsPrefix.Length..])
            : new AttributeOperand(token.Text);
        return _map.Start(operand, token.Position);
    }

    private PropertyOperand ParseProperty(string expected = "an event property name (quoted if it is not a plain name), `not` or `(`")
    {
        var token = Current;
        if (token.Kind == TokenKind.String)
        {
            Advance();
            return _map.Start(new PropertyOperand(token.StringValue!), token.Position);
        }

        if (token.Kind != TokenKind.Name || Keywords.Contains(token.Text))
        {
            throw Unexpected(expected);
        }

        Advance();
        return _map.Start(new PropertyOperand(token.Text), token.Position);
    }

    private RuleOperand ParseFunction()
    {
        var name = Advance();
        var definition = AttributeCatalog.FindFunction(name.Text);
        if (definition is null)
        {
            var suggestion = NameSuggester.Closest(name.Text, AttributeCatalog.FunctionNames);
            var description = suggestion is null
                ? $"unknown function `{name.Text}`; expected one of {string.Join(", ", AttributeCatalog.FunctionNames)}"
                : $"unknown function `{name.Text}`; did you mean `{suggestion}`?";
            throw new SegmentRuleException(new SegmentRuleError(
                SegmentRuleErrorCode.UnknownName,
                name.Position.Line,
                name.Position.Column,
                description,
                "a function name",
                suggestion));
        }

        Advance();
        RuleOperand operand = definition.Kind switch
        {
            AttributeKind.EventCount => ParseCountArguments(),
            AttributeKind.EventSum => ParseSumArguments(),
            AttributeKind.SegmentMembership => new SegmentOperand(Expect(TokenKind.String, "a segment id in double quotes").StringValue!),
            _ => new WindowOperand(name.Text, ParseWindow()),
        };

        if (Current.Kind != TokenKind.RightParen)
        {
            throw Unexpected($"`)` to close `{name.Text}(`");
        }

        Advance();
        return _map.Start(operand, name.Position);
    }

    private EventCountOperand ParseCountArguments()
    {
        var eventName = Expect(TokenKind.String, "an event name in double quotes, e.g. \"Product Viewed\"").StringValue!;
        var filter = ParseFilter();
        RuleWindow? window = null;
        if (Current.Kind == TokenKind.Comma)
        {
            Advance();
            window = ParseWindow();
        }
        else if (Current.Kind != TokenKind.RightParen)
        {
            throw Unexpected(filter is null ? "`where`, `,` or `)`" : FollowExpectation("`,` or `)`"));
        }

        return new EventCountOperand(eventName, filter, window);
    }

    private EventSumOperand ParseSumArguments()
    {
        var eventName = Expect(TokenKind.String, "an event name in double quotes, e.g. \"Order Completed\"").StringValue!;
        var filter = ParseFilter();
        if (Current.Kind != TokenKind.Comma)
        {
            throw Unexpected(filter is null ? "`where` or `,`" : FollowExpectation("`,`"));
        }

        Advance();
        var property = ParseProperty("a property name such as `revenue` (quoted if it is not a plain name)");
        Expect(TokenKind.Comma, "`,` and a window, e.g. `, 30d`");
        return new EventSumOperand(eventName, filter, property.Name, ParseWindow());
    }

    private RuleExpression? ParseFilter()
    {
        if (!Current.IsKeyword("where"))
        {
            return null;
        }

        Advance();
        return ParseOr(inFilter: true);
    }

    private RuleWindow ParseWindow()
    {
        var token = Expect(TokenKind.Window, "a window such as `30d` (a whole number and m, h, d or w)");
        return _map.Start(token.Window!, token.Position);
    }
}
