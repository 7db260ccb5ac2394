using Segmentation.Segments.Catalog;
using Segmentation.Segments.Parsing;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Checking;

/// <summary>The checker's walk over expressions and conditions (see <see cref="SegmentRuleChecker"/>).</summary>
internal sealed partial class RuleChecker(RuleSourceMap? map)
{
    public void CheckRoot(RuleExpression? rule) => CheckExpression(rule, inFilter: false);

    private void CheckExpression(RuleExpression? expression, bool inFilter)
    {
        switch (expression)
        {
            case null:
                throw Malformed("a condition is missing");
            case AndExpression and:
                CheckOperands(and.Operands, "and", inFilter);
                break;
            case OrExpression or:
                CheckOperands(or.Operands, "or", inFilter);
                break;
            case NotExpression not:
                CheckExpression(not.Operand, inFilter);
                break;
            default:
                CheckCondition(expression, inFilter);
                break;
        }
    }

    private void CheckOperands(ValueList<RuleExpression>? operands, string keyword, bool inFilter)
    {
        if (operands is null || operands.Count < 2)
        {
            throw Malformed($"`{keyword}` needs at least two operands");
        }

        foreach (var operand in operands)
        {
            CheckExpression(operand, inFilter);
        }
    }

    private void CheckCondition(RuleExpression condition, bool inFilter)
    {
        var subject = condition switch
        {
            ComparisonCondition c => c.Subject,
            InListCondition c => c.Subject,
            TextMatchCondition c => c.Subject,
            PresenceCondition c => c.Subject,
            RecencyCondition c => c.Subject,
            TruthCondition c => c.Subject,
            _ => throw Malformed($"unknown condition {condition.GetType().Name}"),
        };

        if (subject is null)
        {
            throw Malformed("a condition has no subject");
        }

        if (inFilter && subject is not PropertyOperand)
        {
            throw Malformed("inside `where`, conditions test event properties by name");
        }

        if (!inFilter && subject is PropertyOperand)
        {
            throw Malformed("event properties can only be tested inside the `where` of count or sum");
        }

        var outer = _current;
        _current = condition;
        var info = Resolve(subject);
        CheckConditionAgainst(condition, info);
        _current = outer;
    }

    private void CheckConditionAgainst(RuleExpression condition, OperandInfo info)
    {
        switch (condition)
        {
            case ComparisonCondition c:
                CheckComparison(c, c.Operator, c.Value, info);
                break;
            case InListCondition c:
                CheckInList(c, info);
                break;
            case TextMatchCondition c:
                if (c.Text is null)
                {
                    throw Malformed("a text match has no text");
                }

                if (info.Type is not (RuleValueType.Text or RuleValueType.Dynamic))
                {
                    throw OperatorMismatch(c, info, c.Match == TextMatchKind.Contains ? "contains" : "starts_with");
                }

                break;
            case RecencyCondition c:
                CheckRecency(c, info);
                break;
            case TruthCondition c:
                if (info.Type != RuleValueType.Boolean)
                {
                    var example = info.Type switch
                    {
                        RuleValueType.Number => $"`{info.Display} > 0`",
                        RuleValueType.Timestamp => $"`{info.Display} within 7d`",
                        RuleValueType.Enumeration => $"`{info.Display} = \"{info.Definition!.Values[0]}\"`",
                        RuleValueType.Dynamic => $"`{info.Display} = true`",
                        _ => $"`{info.Display} = \"...\"`",
                    };
                    throw Fail(
                        SegmentRuleErrorCode.TypeMismatch,
                        map?.OperatorOf(c),
                        c,
                        $"`{info.Display}` is {info.TypeName}, not a condition; expected a comparison such as {example}",
                        "an operator");
                }

                break;
        }
    }

    private void CheckComparison(RuleExpression condition, ComparisonOperator op, RuleLiteral? literal, OperandInfo info)
    {
        if (literal is null)
        {
            throw Malformed("a comparison has no value");
        }

        if (!Enum.IsDefined(op))
        {
            throw Malformed($"unknown comparison operator {(int)op}");
        }

        var ordering = op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual);
        switch (info.Type)
        {
            case RuleValueType.Boolean:
                RequireEquality(condition, info, op, ordering);
                RequireLiteral<BooleanLiteral>(condition, info, literal, "true or false");
                break;
            case RuleValueType.Number:
                RequireLiteral<NumberLiteral>(condition, info, literal, "a number");
                break;
            case RuleValueType.Text:
                RequireEquality(condition, info, op, ordering);
                RequireLiteral<StringLiteral>(condition, info, literal, "a string in double quotes");
                break;
            case RuleValueType.Enumeration:
                RequireEquality(condition, info, op, ordering);
                var text = RequireLiteral<StringLiteral>(condition, info, literal, "a string in double quotes").Value;
                CheckEnumerationValue(condition, info, literal, text);
                break;
            case RuleValueType.Timestamp:
                var date = RequireLiteral<StringLiteral>(condition, info, literal, DateExpectation).Value;
                if (Instants.Parse(date) is null)
                {
                    throw Fail(
                        SegmentRuleErrorCode.InvalidValue,
                        map?.StartOf(literal),
                        condition,
                        $"{Printing.SegmentRulePrinter.Quote(date)} is not a date; expected {DateExpectation}",
                        DateExpectation);
                }

                break;
            case RuleValueType.Dynamic when ordering && literal is not NumberLiteral:
                throw Fail(
                    SegmentRuleErrorCode.TypeMismatch,
                    map?.StartOf(literal),
                    condition,
                    $"`{info.Display}` is {info.TypeName} and `{Printing.SegmentRulePrinter.Symbol(op)}` compares numbers, but found {DescribeLiteral(literal)}; expected a number",
                    "a number");
        }
    }

    private void CheckInList(InListCondition condition, OperandInfo info)
    {
        if (condition.Values is null || condition.Values.Count == 0)
        {
            throw Malformed("`in` needs at least one value");
        }

        if (info.Type is RuleValueType.Boolean or RuleValueType.Timestamp)
        {
            throw OperatorMismatch(condition, info, "in");
        }

        foreach (var value in condition.Values)
        {
            CheckComparison(condition, ComparisonOperator.Equal, value, info);
        }
    }

    private void CheckRecency(RecencyCondition condition, OperandInfo info)
    {
        var keyword = condition.Recency == RecencyKind.Within ? "within" : "before";
        if (!Enum.IsDefined(condition.Recency))
        {
            throw Malformed($"unknown recency kind {(int)condition.Recency}");
        }

        if (info.Type != RuleValueType.Timestamp && !(info.Type == RuleValueType.Dynamic && condition.Subject is TraitOperand))
        {
            throw OperatorMismatch(condition, info, keyword);
        }

        CheckWindow(condition.Window, SegmentRuleChecker.MaxRecencyWindow, condition);
    }

    private void CheckEnumerationValue(RuleExpression condition, OperandInfo info, RuleLiteral literal, string text)
    {
        var definition = info.Definition!;
        if (AttributeCatalog.IndexOfValue(definition, text) >= 0)
        {
            return;
        }

        var values = string.Join(", ", definition.Values.Select(Printing.SegmentRulePrinter.Quote));
        var suggestion = NameSuggester.Closest(text, definition.Values);
        var description = suggestion is null
            ? $"`{info.Display}` has no value {Printing.SegmentRulePrinter.Quote(text)}; expected one of {values}"
            : $"`{info.Display}` has no value {Printing.SegmentRulePrinter.Quote(text)}; did you mean {Printing.SegmentRulePrinter.Quote(suggestion)}?";
        throw Fail(SegmentRuleErrorCode.InvalidValue, map?.StartOf(literal), condition, description, "one of " + values, suggestion);
    }
}
