using System.Globalization;
using System.Text;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Parsing;

/// <summary>Turns rule text into tokens; the first lexical problem throws a <see cref="SegmentRuleException"/>.</summary>
internal sealed class Lexer
{
    private readonly string _text;
    private int _offset;
    private int _line = 1;
    private int _lineStart;

    public Lexer(string text)
    {
        _text = text;
    }

    public static List<Token> Tokenize(string text)
    {
        var lexer = new Lexer(text);
        var tokens = new List<Token>();
        Token token;
        do
        {
            token = lexer.Next();
            tokens.Add(token);
        }
        while (token.Kind != TokenKind.End);

        return tokens;
    }

    private SourcePosition Position => new(_line, _offset - _lineStart + 1);

    private char Peek(int ahead = 0) => _offset + ahead < _text.Length ? _text[_offset + ahead] : '\0';

    private bool AtEnd => _offset >= _text.Length;

    private Token Next()
    {
        SkipWhitespace();
        var start = Position;
        var startOffset = _offset;
        if (AtEnd)
        {
            return new Token(TokenKind.End, string.Empty, start);
        }

        var c = Peek();
        switch (c)
        {
            case '(':
                _offset++;
                return new Token(TokenKind.LeftParen, "(", start);
            case ')':
                _offset++;
                return new Token(TokenKind.RightParen, ")", start);
            case ',':
                _offset++;
                return new Token(TokenKind.Comma, ",", start);
            case '"':
                return ReadString(start, startOffset);
            case '\'':
                throw Error(start, "strings are written in double quotes, e.g. \"vip\"", "`\"`");
            case '=' or '!' or '<' or '>':
                return ReadOperator(start, startOffset);
        }

        if (char.IsAsciiDigit(c) || (c == '-' && char.IsAsciiDigit(Peek(1))))
        {
            return ReadNumberOrWindow(start, startOffset);
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            return ReadName(start, startOffset);
        }

        throw Error(start, $"unexpected character `{c}`", null);
    }

    private void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Peek()))
        {
            if (Peek() == '\n')
            {
                _line++;
                _lineStart = _offset + 1;
            }

            _offset++;
        }
    }

    private Token ReadOperator(SourcePosition start, int startOffset)
    {
        var c = Peek();
        var next = Peek(1);
        (ComparisonOperator op, int length) = (c, next) switch
        {
            ('=', '=') => (ComparisonOperator.Equal, 2),
            ('=', _) => (ComparisonOperator.Equal, 1),
            ('!', '=') => (ComparisonOperator.NotEqual, 2),
            ('<', '=') => (ComparisonOperator.LessOrEqual, 2),
            ('<', _) => (ComparisonOperator.Less, 1),
            ('>', '=') => (ComparisonOperator.GreaterOrEqual, 2),
            ('>', _) => (ComparisonOperator.Greater, 1),
            _ => throw Error(start, "unexpected character `!`; `not` negates a condition and `!=` means not equal", "`!=`"),
        };
        _offset += length;
        return new Token(TokenKind.Operator, _text[startOffset.._offset], start, Operator: op);
    }

    private Token ReadName(SourcePosition start, int startOffset)
    {
        while (true)
        {
            while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_'))
            {
                _offset++;
            }

            if (Peek() != '.')
            {
                break;
            }

            if (!(char.IsAsciiLetter(Peek(1)) || Peek(1) == '_'))
            {
                _offset++;
                throw Error(Position, $"expected a name after `{_text[startOffset.._offset]}`", "a name", mentionExpected: false);
            }

            _offset++;
        }

        return new Token(TokenKind.Name, _text[startOffset.._offset], start);
    }

    private Token ReadNumberOrWindow(SourcePosition start, int startOffset)
    {
        if (Peek() == '-')
        {
            _offset++;
        }

        while (char.IsAsciiDigit(Peek()))
        {
            _offset++;
        }

        var isWhole = true;
        if (Peek() == '.')
        {
            isWhole = false;
            _offset++;
            if (!char.IsAsciiDigit(Peek()))
            {
                throw Error(Position, $"expected a digit after `{_text[startOffset.._offset]}`", "a digit", mentionExpected: false);
            }

            while (char.IsAsciiDigit(Peek()))
            {
                _offset++;
            }
        }

        var numberEnd = _offset;
        if (char.IsAsciiLetter(Peek()) || Peek() == '_')
        {
            while (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_')
            {
                _offset++;
            }

            return MakeWindow(start, startOffset, numberEnd, isWhole);
        }

        var text = _text[startOffset.._offset];
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(start, $"the number `{text}` is too large", null);
        }

        return new Token(TokenKind.Number, text, start, NumberValue: value);
    }

    private Token MakeWindow(SourcePosition start, int startOffset, int numberEnd, bool isWhole)
    {
        var text = _text[startOffset.._offset];
        var unitText = _text[numberEnd.._offset];
        const string units = "m (minutes), h (hours), d (days) or w (weeks)";
        if (unitText.Length != 1 || RuleWindow.UnitOf(unitText[0]) is not { } unit)
        {
            throw new SegmentRuleException(new SegmentRuleError(
                SegmentRuleErrorCode.InvalidWindow,
                start.Line,
                start.Column,
                $"unknown window unit `{unitText}` in `{text}`; expected {units}",
                units));
        }

        if (!isWhole)
        {
            throw new SegmentRuleException(new SegmentRuleError(
                SegmentRuleErrorCode.InvalidWindow,
                start.Line,
                start.Column,
                $"invalid window `{text}`: a window is a whole number and a unit, e.g. `36h`",
                "a whole number"));
        }

        if (!int.TryParse(_text.AsSpan(startOffset, numberEnd - startOffset), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            throw new SegmentRuleException(new SegmentRuleError(
                SegmentRuleErrorCode.InvalidWindow,
                start.Line,
                start.Column,
                $"invalid window `{text}`: the number is too large"));
        }

        return new Token(TokenKind.Window, text, start, Window: new RuleWindow(amount, unit));
    }

    private Token ReadString(SourcePosition start, int startOffset)
    {
        _offset++;
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd || Peek() is '\n' or '\r')
            {
                throw Error(start, "unterminated string: a string ends with `\"` on the line it starts", "`\"`", mentionExpected: false);
            }

            var c = Peek();
            if (c == '"')
            {
                _offset++;
                break;
            }

            if (c != '\\')
            {
                builder.Append(c);
                _offset++;
                continue;
            }

            var escapeAt = Position;
            _offset++;
            var escaped = Peek();
            _offset++;
            switch (escaped)
            {
                case '"' or '\\' or '/':
                    builder.Append(escaped);
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u' when _offset + 4 <= _text.Length
                    && ushort.TryParse(_text.AsSpan(_offset, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    _offset += 4;
                    break;
                default:
                    throw Error(escapeAt, "invalid escape in a string", "one of \\\" \\\\ \\/ \\n \\r \\t \\uXXXX");
            }
        }

        return new Token(TokenKind.String, _text[startOffset.._offset], start, StringValue: builder.ToString());
    }

    private static SegmentRuleException Error(SourcePosition at, string description, string? expected, bool mentionExpected = true) =>
        new(new SegmentRuleError(
            SegmentRuleErrorCode.Syntax,
            at.Line,
            at.Column,
            expected is null || !mentionExpected ? description : $"{description}; expected {expected}",
            expected));
}
