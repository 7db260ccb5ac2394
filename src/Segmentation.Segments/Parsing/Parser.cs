using System.Collections.Frozen;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Parsing;

/// <summary>
/// Recursive descent over the grammar of <c>docs/segment-rules.md</c>: or &lt; and &lt; not &lt; condition. Builds
/// the syntax tree and a <see cref="RuleSourceMap"/>; names and types are the checker's business.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>How deeply parentheses and <c>not</c> may nest (a bound on the parser's recursion).</summary>
    public const int MaxNesting = 64;

    private const string OperatorList = "=, !=, <, <=, >, >=, in, contains, starts_with, exists, missing, within, before";

    private static readonly FrozenSet<string> Keywords = new[]
    {
        "and", "or", "not", "in", "contains", "starts_with", "exists", "missing", "within", "before", "where", "true", "false",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private readonly List<Token> _tokens;
    private readonly RuleSourceMap _map = new();
    private int _index;
    private int _nesting;
    private bool _lastConditionWasBare;

    private Parser(List<Token> tokens)
    {
        _tokens = tokens;
    }

    private Token Current => _tokens[_index];

    private Token Lookahead => _tokens[Math.Min(_index + 1, _tokens.Count - 1)];

    public static (RuleExpression Expression, RuleSourceMap Map) Parse(string text)
    {
        var parser = new Parser(Lexer.Tokenize(text));
        if (parser.Current.Kind == TokenKind.End)
        {
            throw parser.Error(parser.Current, "the rule is empty; expected a condition, e.g. `orders_count > 0`", "a condition");
        }

        var expression = parser.ParseOr(inFilter: false);
        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Current.Kind == TokenKind.RightParen
                ? parser.Error(parser.Current, "found `)` without a matching `(`; expected `and`, `or` or end of input", "`and`, `or` or end of input")
                : parser.Unexpected(parser.FollowExpectation("end of input"));
        }

        return (expression, parser._map);
    }

    /// <summary>True when <paramref name="name"/> is a keyword (so a property of that name must be quoted).</summary>
    public static bool IsKeyword(string name) => Keywords.Contains(name);

    private RuleExpression ParseOr(bool inFilter)
    {
        var start = Current.Position;
        var first = ParseAnd(inFilter);
        if (!Current.IsKeyword("or"))
        {
            return first;
        }

        var operands = new List<RuleExpression> { first };
        while (Current.IsKeyword("or"))
        {
            Advance();
            operands.Add(ParseAnd(inFilter));
        }

        return _map.Start(new OrExpression(new ValueList<RuleExpression>(operands)), start);
    }

    private RuleExpression ParseAnd(bool inFilter)
    {
        var start = Current.Position;
        var first = ParseUnary(inFilter);
        if (!Current.IsKeyword("and"))
        {
            return first;
        }

        var operands = new List<RuleExpression> { first };
        while (Current.IsKeyword("and"))
        {
            Advance();
            operands.Add(ParseUnary(inFilter));
        }

        return _map.Start(new AndExpression(new ValueList<RuleExpression>(operands)), start);
    }

    private RuleExpression ParseUnary(bool inFilter)
    {
        if (!Current.IsKeyword("not") && Current.Kind != TokenKind.LeftParen)
        {
            return ParseCondition(inFilter);
        }

        if (++_nesting > MaxNesting)
        {
            throw Error(Current, $"the rule nests parentheses and `not` more than {MaxNesting} levels deep", null);
        }

        var result = ParseNested(inFilter);
        _nesting--;
        return result;
    }

    private RuleExpression ParseNested(bool inFilter)
    {
        if (Current.IsKeyword("not"))
        {
            var start = Advance().Position;
            return _map.Start(new NotExpression(ParseUnary(inFilter)), start);
        }

        var open = Advance();
        var inner = ParseOr(inFilter);
        if (Current.Kind != TokenKind.RightParen)
        {
            var expected = $"`)` to close the `(` at {open.Position}";
            throw Unexpected(FollowExpectation(expected));
        }

        Advance();
        _lastConditionWasBare = false;
        return inner;
    }

    private RuleExpression ParseCondition(bool inFilter)
    {
        var start = Current.Position;
        var subject = inFilter ? ParseProperty() : ParseOperand();
        var token = Current;
        _lastConditionWasBare = false;
        RuleExpression condition;
        if (token.Kind == TokenKind.Operator)
        {
            Advance();
            condition = new ComparisonCondition(subject, token.Operator, ParseLiteral());
        }
        else if (token.IsKeyword("in"))
        {
            Advance();
            condition = new InListCondition(subject, ParseLiteralList());
        }
        else if (token.IsKeyword("contains") || token.IsKeyword("starts_with"))
        {
            Advance();
            var text = Expect(TokenKind.String, "a string in double quotes");
            condition = new TextMatchCondition(subject, token.IsKeyword("contains") ? TextMatchKind.Contains : TextMatchKind.StartsWith, text.StringValue!);
        }
        else if (token.IsKeyword("exists") || token.IsKeyword("missing"))
        {
            Advance();
            condition = new PresenceCondition(subject, token.IsKeyword("exists"));
        }
        else if (token.IsKeyword("within") || token.IsKeyword("before"))
        {
            Advance();
            var window = Expect(TokenKind.Window, "a window such as `7d`");
            condition = new RecencyCondition(
                subject,
                token.IsKeyword("within") ? RecencyKind.Within : RecencyKind.Before,
                _map.Start(window.Window!, window.Position));
        }
        else
        {
            _lastConditionWasBare = true;
            condition = new TruthCondition(subject);
        }

        _map.Start(condition, start);
        return _map.Operator(condition, _lastConditionWasBare ? start : token.Position);
    }

    private RuleLiteral ParseLiteral()
    {
        var token = Current;
        RuleLiteral literal = token.Kind switch
        {
            TokenKind.String => new StringLiteral(token.StringValue!),
            TokenKind.Number => new NumberLiteral(token.NumberValue),
            TokenKind.Name when token.IsKeyword("true") => new BooleanLiteral(true),
            TokenKind.Name when token.IsKeyword("false") => new BooleanLiteral(false),
            _ => throw Unexpected("a value (a string in double quotes, a number, true or false)"),
        };
        Advance();
        return _map.Start(literal, token.Position);
    }

    private ValueList<RuleLiteral> ParseLiteralList()
    {
        Expect(TokenKind.LeftParen, "`(` starting a list of values, e.g. in (\"vip\", \"active\")");
        var values = new List<RuleLiteral> { ParseLiteral() };
        while (Current.Kind == TokenKind.Comma)
        {
            Advance();
            values.Add(ParseLiteral());
        }

        if (Current.Kind != TokenKind.RightParen)
        {
            throw Unexpected("`,` or `)`");
        }

        Advance();
        return new ValueList<RuleLiteral>(values);
    }

    /// <summary>What may follow a complete condition, for "expected ..." messages.</summary>
    private string FollowExpectation(string closer) => _lastConditionWasBare
        ? $"an operator ({OperatorList}), `and`, `or` or {closer}"
        : $"`and`, `or` or {closer}";

    private Token Advance()
    {
        var token = Current;
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    private Token Expect(TokenKind kind, string expected)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected(expected);
        }

        return Advance();
    }

    private SegmentRuleException Unexpected(string expected) =>
        Error(Current, $"expected {expected}, found {Current.Describe()}", expected);

    private SegmentRuleException Error(Token at, string description, string? expected) =>
        new(new SegmentRuleError(SegmentRuleErrorCode.Syntax, at.Position.Line, at.Position.Column, description, expected));
}
