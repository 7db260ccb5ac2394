using System.Globalization;
using System.Text.Json;
using Segmentation.Segments.Checking;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Json;

/// <summary>
/// Reads the JSON form of a rule from a <see cref="JsonElement"/>, naming the JSON path of every problem
/// (<c>$.operands[1].window</c>). Only the shape is checked here; names and types are the checker's business.
/// </summary>
internal static class RuleJsonReader
{
    private static readonly string[] ExpressionKinds = ["and", "or", "not", "compare", "in", "text_match", "presence", "recency", "is_true"];
    private static readonly string[] OperandKinds = ["attribute", "trait", "window", "count", "sum", "in_segment", "property"];
    private static readonly string[] Operators = ["=", "!=", "<", "<=", ">", ">="];

    public static RuleExpression ReadExpression(JsonElement element, string path)
    {
        var kind = Kind(element, path, ExpressionKinds);
        switch (kind)
        {
            case "and" or "or":
                Only(element, path, "kind", "operands");
                var operands = List(element, path, "operands", ReadExpression);
                return kind == "and" ? new AndExpression(operands) : new OrExpression(operands);
            case "not":
                Only(element, path, "kind", "operand");
                return new NotExpression(ReadExpression(Field(element, path, "operand"), path + ".operand"));
            case "compare":
                Only(element, path, "kind", "subject", "operator", "value");
                var symbol = Text(element, path, "operator");
                var op = Array.IndexOf(Operators, symbol);
                if (op < 0)
                {
                    throw Error(path + ".operator", $"unknown operator \"{symbol}\"; expected one of {string.Join(", ", Operators)}");
                }

                return new ComparisonCondition(Subject(element, path), (ComparisonOperator)op, Literal(Field(element, path, "value"), path + ".value"));
            case "in":
                Only(element, path, "kind", "subject", "values");
                return new InListCondition(Subject(element, path), List(element, path, "values", Literal));
            case "text_match":
                Only(element, path, "kind", "subject", "match", "text");
                var match = Text(element, path, "match") switch
                {
                    "contains" => TextMatchKind.Contains,
                    "starts_with" => TextMatchKind.StartsWith,
                    var other => throw Error(path + ".match", $"unknown match \"{other}\"; expected contains or starts_with"),
                };
                return new TextMatchCondition(Subject(element, path), match, Text(element, path, "text"));
            case "presence":
                Only(element, path, "kind", "subject", "exists");
                var exists = Field(element, path, "exists");
                if (exists.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw Error(path + ".exists", $"expected true or false, found {Describe(exists)}");
                }

                return new PresenceCondition(Subject(element, path), exists.GetBoolean());
            case "recency":
                Only(element, path, "kind", "subject", "recency", "window");
                var recency = Text(element, path, "recency") switch
                {
                    "within" => RecencyKind.Within,
                    "before" => RecencyKind.Before,
                    var other => throw Error(path + ".recency", $"unknown recency \"{other}\"; expected within or before"),
                };
                return new RecencyCondition(Subject(element, path), recency, Window(element, path, "window"));
            default:
                Only(element, path, "kind", "subject");
                return new TruthCondition(Subject(element, path));
        }
    }

    private static RuleOperand Subject(JsonElement element, string path) => ReadOperand(Field(element, path, "subject"), path + ".subject");

    private static RuleOperand ReadOperand(JsonElement element, string path)
    {
        switch (Kind(element, path, OperandKinds))
        {
            case "attribute":
                Only(element, path, "kind", "name");
                return new AttributeOperand(Text(element, path, "name"));
            case "trait":
                Only(element, path, "kind", "path");
                return new TraitOperand(Text(element, path, "path"));
            case "window":
                Only(element, path, "kind", "function", "window");
                return new WindowOperand(Text(element, path, "function"), Window(element, path, "window"));
            case "count":
                Only(element, path, "kind", "eventName", "filter", "window");
                return new EventCountOperand(
                    Text(element, path, "eventName"),
                    Filter(element, path),
                    element.TryGetProperty("window", out var window) && window.ValueKind != JsonValueKind.Null ? Window(element, path, "window") : null);
            case "sum":
                Only(element, path, "kind", "eventName", "filter", "property", "window");
                return new EventSumOperand(Text(element, path, "eventName"), Filter(element, path), Text(element, path, "property"), Window(element, path, "window"));
            case "in_segment":
                Only(element, path, "kind", "segmentId");
                return new SegmentOperand(Text(element, path, "segmentId"));
            default:
                Only(element, path, "kind", "name");
                return new PropertyOperand(Text(element, path, "name"));
        }
    }

    private static RuleExpression? Filter(JsonElement element, string path) =>
        element.TryGetProperty("filter", out var filter) && filter.ValueKind != JsonValueKind.Null ? ReadExpression(filter, path + ".filter") : null;

    private static RuleLiteral Literal(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.String => new StringLiteral(element.GetString()!),
        JsonValueKind.True => new BooleanLiteral(true),
        JsonValueKind.False => new BooleanLiteral(false),
        JsonValueKind.Number when decimal.TryParse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => new NumberLiteral(number),
        JsonValueKind.Number => throw Error(path, $"the number {element.GetRawText()} is out of range"),
        _ => throw Error(path, $"expected a string, a number or a boolean, found {Describe(element)}"),
    };

    private static RuleWindow Window(JsonElement element, string path, string name)
    {
        var text = Text(element, path, name);
        if (text.Length >= 2
            && RuleWindow.UnitOf(text[^1]) is { } unit
            && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            return new RuleWindow(amount, unit);
        }

        throw Error($"{path}.{name}", $"expected a window such as \"30d\" (a whole number and m, h, d or w), found \"{text}\"");
    }

    private static ValueList<T> List<T>(JsonElement element, string path, string name, Func<JsonElement, string, T> read)
    {
        var array = Field(element, path, name);
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Error($"{path}.{name}", $"expected an array, found {Describe(array)}");
        }

        var items = new List<T>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            items.Add(read(item, $"{path}.{name}[{index++}]"));
        }

        return new ValueList<T>(items);
    }

    private static string Kind(JsonElement element, string path, string[] kinds)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, $"expected an object with a `kind`, found {Describe(element)}");
        }

        if (!element.TryGetProperty("kind", out var kindElement))
        {
            throw Error(path, $"missing `kind`; expected one of {string.Join(", ", kinds)}");
        }

        var kind = kindElement.ValueKind == JsonValueKind.String ? kindElement.GetString()! : null;
        if (kind is null || Array.IndexOf(kinds, kind) < 0)
        {
            var suggestion = kind is null ? null : NameSuggester.Closest(kind, kinds);
            var hint = suggestion is null ? $"expected one of {string.Join(", ", kinds)}" : $"did you mean \"{suggestion}\"?";
            throw Error(path + ".kind", $"unknown kind {(kind is null ? Describe(kindElement) : $"\"{kind}\"")}; {hint}");
        }

        return kind;
    }

    private static JsonElement Field(JsonElement element, string path, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw Error(path, $"missing `{name}`");

    private static string Text(JsonElement element, string path, string name)
    {
        var value = Field(element, path, name);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Error($"{path}.{name}", $"expected a string, found {Describe(value)}");
    }

    private static void Only(JsonElement element, string path, params string[] allowed)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw Error(path, $"unknown field `{property.Name}`; expected {string.Join(", ", allowed)}");
            }
        }
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {element.GetRawText()}",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };

    private static SegmentRuleException Error(string path, string description) =>
        new(new SegmentRuleError(SegmentRuleErrorCode.MalformedTree, null, null, $"malformed rule JSON at {path}: {description}"));
}
