using Segmentation.Segments.Catalog;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Tests.Support;

/// <summary>
/// A seeded generator of rule trees: <see cref="AnySyntax"/> follows the grammar only (arbitrary names, strings with
/// quotes and control characters, any numbers and windows); <see cref="Valid"/> passes the checker (catalog names,
/// fitting operators and values, windows within bounds).
/// </summary>
internal sealed class RuleGenerator(int seed)
{
    private static readonly string[] Identifiers = ["plan", "tier", "a_b", "_x", "Name1", "score"];
    private static readonly string[] Strings = ["", "vip", "say \"hi\"", "back\\slash", "tab\tnew\nline\r", "é ü ✓", "\u0001ctl", "where", "and"];
    private static readonly string[] Properties = ["category", "price", "product id", "in", "count", "a.b", "currency", "revenue", ""];
    private static readonly string[] EventNames = ["Product Viewed", "Order Completed", "Wishlist Added", "quote\"d", ""];
    private static readonly string[] Dates = ["2025-01-31", "2025-03-01T12:00:00Z", "2024-12-31T23:59:59+02:00"];

    private static readonly AttributeDefinition[] TimeDependent = AttributeCatalog.All
        .Where(d => d.Kind is AttributeKind.WindowFunction or AttributeKind.EventCount or AttributeKind.EventSum or AttributeKind.Trait
            || d.Type == RuleValueType.Timestamp || d.Name is "rfm.r" or "rfm.cell" or "lifecycle")
        .ToArray();

    private readonly Random _random = new(seed);
    private bool _preferTime;

    public RuleExpression AnySyntax(int depth = 3) => Expression(depth, valid: false, inFilter: false);

    public RuleExpression Valid(int depth = 3) => Expression(depth, valid: true, inFilter: false);

    /// <summary>A valid tree whose conditions are mostly on operands that change as time passes.</summary>
    public RuleExpression ValidTimeDependent(int depth = 3)
    {
        _preferTime = true;
        var rule = Valid(depth);
        _preferTime = false;
        return rule;
    }

    private RuleExpression Expression(int depth, bool valid, bool inFilter)
    {
        var choice = depth <= 0 ? 3 : _random.Next(6);
        return choice switch
        {
            0 => new AndExpression(Operands(depth, valid, inFilter)),
            1 => new OrExpression(Operands(depth, valid, inFilter)),
            2 => new NotExpression(Expression(depth - 1, valid, inFilter)),
            _ => inFilter ? PropertyCondition(valid) : valid ? ValidCondition(depth) : AnyCondition(depth),
        };
    }

    private ValueList<RuleExpression> Operands(int depth, bool valid, bool inFilter) =>
        new(Enumerable.Range(0, _random.Next(2, 4)).Select(_ => Expression(depth - 1, valid, inFilter)).ToArray());

    private RuleExpression AnyCondition(int depth)
    {
        RuleOperand subject = _random.Next(8) switch
        {
            0 => new AttributeOperand(Pick(AttributeCatalog.AttributeNames)),
            1 => new AttributeOperand(Pick(Identifiers) + "." + Pick(Identifiers)),
            2 => new TraitOperand(Pick(Identifiers) + (_random.Next(2) == 0 ? string.Empty : "." + Pick(Identifiers))),
            3 => new WindowOperand(Pick(["orders_count", "revenue", "views", "cart_adds"]), AnyWindow()),
            4 => new EventCountOperand(Pick(EventNames), _random.Next(2) == 0 ? null : Expression(depth - 1, false, true), _random.Next(3) == 0 ? null : AnyWindow()),
            5 => new EventSumOperand(Pick(EventNames), _random.Next(2) == 0 ? null : Expression(depth - 1, false, true), Pick(Properties), AnyWindow()),
            6 => new SegmentOperand(Pick(Strings)),
            _ => new AttributeOperand(Pick(Identifiers)),
        };
        return AnyTest(subject);
    }

    private RuleExpression PropertyCondition(bool valid)
    {
        var subject = new PropertyOperand(valid ? Pick(Properties.Where(p => p.Length > 0).ToArray()) : Pick(Properties));
        if (!valid)
        {
            return AnyTest(subject);
        }

        return _random.Next(5) switch
        {
            0 => new ComparisonCondition(subject, PickOperator(), new NumberLiteral(AnyNumber())),
            1 => new ComparisonCondition(subject, _random.Next(2) == 0 ? ComparisonOperator.Equal : ComparisonOperator.NotEqual, AnyLiteral()),
            2 => new InListCondition(subject, Literals(AnyLiteral)),
            3 => new TextMatchCondition(subject, _random.Next(2) == 0 ? TextMatchKind.Contains : TextMatchKind.StartsWith, Pick(Strings)),
            _ => new PresenceCondition(subject, _random.Next(2) == 0),
        };
    }

    private RuleExpression AnyTest(RuleOperand subject) => _random.Next(6) switch
    {
        0 => new ComparisonCondition(subject, PickOperator(), AnyLiteral()),
        1 => new InListCondition(subject, Literals(AnyLiteral)),
        2 => new TextMatchCondition(subject, _random.Next(2) == 0 ? TextMatchKind.Contains : TextMatchKind.StartsWith, Pick(Strings)),
        3 => new PresenceCondition(subject, _random.Next(2) == 0),
        4 => new RecencyCondition(subject, _random.Next(2) == 0 ? RecencyKind.Within : RecencyKind.Before, AnyWindow()),
        _ => new TruthCondition(subject),
    };

    private RuleExpression ValidCondition(int depth)
    {
        var definition = _preferTime && _random.Next(5) > 0 ? Pick(TimeDependent) : Pick(AttributeCatalog.All);
        switch (definition.Kind)
        {
            case AttributeKind.Trait:
                return ValidDynamic(new TraitOperand(Pick(Identifiers) + (_random.Next(3) == 0 ? "." + Pick(Identifiers) : string.Empty)));
            case AttributeKind.WindowFunction:
                return ValidNumber(new WindowOperand(definition.Name, ValidWindow(90)));
            case AttributeKind.EventCount:
                var filtered = _random.Next(2) == 0;
                return ValidNumber(new EventCountOperand(
                    Pick(EventNames.Where(e => e.Length > 0).ToArray()),
                    filtered ? Expression(depth - 1, true, true) : null,
                    filtered || _random.Next(3) > 0 ? ValidWindow(90) : null));
            case AttributeKind.EventSum:
                return ValidNumber(new EventSumOperand(
                    Pick(EventNames.Where(e => e.Length > 0).ToArray()),
                    _random.Next(2) == 0 ? Expression(depth - 1, true, true) : null,
                    Pick(Properties.Where(p => p.Length > 0).ToArray()),
                    ValidWindow(90)));
            case AttributeKind.SegmentMembership:
                return ValidBoolean(new SegmentOperand(Pick(["vip", "recent-buyers", "x y"])));
        }

        var subject = new AttributeOperand(definition.Name);
        return definition.Type switch
        {
            RuleValueType.Boolean => ValidBoolean(subject),
            RuleValueType.Number => ValidNumber(subject),
            RuleValueType.Text => _random.Next(5) switch
            {
                0 => new ComparisonCondition(subject, _random.Next(2) == 0 ? ComparisonOperator.Equal : ComparisonOperator.NotEqual, new StringLiteral(Pick(Strings))),
                1 => new InListCondition(subject, Literals(() => new StringLiteral(Pick(Strings)))),
                2 => new TextMatchCondition(subject, _random.Next(2) == 0 ? TextMatchKind.Contains : TextMatchKind.StartsWith, Pick(Strings)),
                _ => new PresenceCondition(subject, _random.Next(2) == 0),
            },
            RuleValueType.Timestamp => _random.Next(4) switch
            {
                0 => new ComparisonCondition(subject, PickOperator(), new StringLiteral(Pick(Dates))),
                1 => new PresenceCondition(subject, _random.Next(2) == 0),
                _ => new RecencyCondition(subject, _random.Next(2) == 0 ? RecencyKind.Within : RecencyKind.Before, ValidWindow(1825)),
            },
            _ => _random.Next(3) switch
            {
                0 => new InListCondition(subject, Literals(() => new StringLiteral(Pick(definition.Values)))),
                1 => new PresenceCondition(subject, _random.Next(2) == 0),
                _ => new ComparisonCondition(subject, _random.Next(2) == 0 ? ComparisonOperator.Equal : ComparisonOperator.NotEqual, new StringLiteral(Pick(definition.Values))),
            },
        };
    }

    private RuleExpression ValidBoolean(RuleOperand subject) => _random.Next(4) switch
    {
        0 => new TruthCondition(subject),
        1 => new ComparisonCondition(subject, _random.Next(2) == 0 ? ComparisonOperator.Equal : ComparisonOperator.NotEqual, new BooleanLiteral(_random.Next(2) == 0)),
        2 => new PresenceCondition(subject, _random.Next(2) == 0),
        _ => new TruthCondition(subject),
    };

    private RuleExpression ValidNumber(RuleOperand subject) => _random.Next(6) switch
    {
        0 => new InListCondition(subject, Literals(() => new NumberLiteral(_random.Next(0, 5)))),
        1 => new PresenceCondition(subject, _random.Next(2) == 0),
        _ => new ComparisonCondition(subject, PickOperator(), new NumberLiteral(_random.Next(4) == 0 ? AnyNumber() : _random.Next(0, subject is AttributeOperand ? 6 : 30))),
    };

    private RuleExpression ValidDynamic(TraitOperand subject) => _random.Next(6) switch
    {
        0 => new ComparisonCondition(subject, PickOperator(), new NumberLiteral(AnyNumber())),
        1 => new ComparisonCondition(subject, _random.Next(2) == 0 ? ComparisonOperator.Equal : ComparisonOperator.NotEqual, AnyLiteral()),
        2 => new InListCondition(subject, Literals(AnyLiteral)),
        3 => new TextMatchCondition(subject, TextMatchKind.Contains, Pick(Strings)),
        4 => new RecencyCondition(subject, RecencyKind.Within, ValidWindow(1825)),
        _ => new PresenceCondition(subject, true),
    };

    private RuleWindow ValidWindow(int maxDays)
    {
        var unit = (WindowUnit)_random.Next(4);
        var perDay = unit switch
        {
            WindowUnit.Minutes => 1440,
            WindowUnit.Hours => 24,
            WindowUnit.Days => 1,
            _ => 0,
        };
        var max = unit == WindowUnit.Weeks ? maxDays / 7 : maxDays * perDay;
        return new RuleWindow(_random.Next(1, max + 1), unit);
    }

    private RuleWindow AnyWindow() =>
        new(_random.Next(5) == 0 ? _random.Next(int.MinValue, int.MaxValue) : _random.Next(-3, 200), (WindowUnit)_random.Next(4));

    private RuleLiteral AnyLiteral() => _random.Next(3) switch
    {
        0 => new StringLiteral(Pick(Strings)),
        1 => new NumberLiteral(AnyNumber()),
        _ => new BooleanLiteral(_random.Next(2) == 0),
    };

    private decimal AnyNumber() => _random.Next(5) switch
    {
        0 => new decimal(_random.Next(), _random.Next(), _random.Next(), _random.Next(2) == 0, (byte)_random.Next(29)),
        1 => -_random.Next(1000) / 10m,
        2 => 0.000m,
        _ => _random.Next(100_000) / 100m,
    };

    private ValueList<RuleLiteral> Literals(Func<RuleLiteral> next) =>
        new(Enumerable.Range(0, _random.Next(1, 4)).Select(_ => next()).ToArray());

    private ComparisonOperator PickOperator() => (ComparisonOperator)_random.Next(6);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
