namespace Segmentation.Segments.Evaluation;

/// <summary>A test on the scope; the compiled form of a condition.</summary>
internal delegate bool ScopeTest(ref EvaluationScope scope);

/// <summary>A value read from the scope.</summary>
internal delegate T ScopeValue<out T>(ref EvaluationScope scope);

/// <summary>A node of a compiled rule.</summary>
internal abstract class RuleNode
{
    public abstract bool Evaluate(ref EvaluationScope scope);

    /// <summary>The same, with the truth of each of the rule's temporal conditions given (by <see cref="TemporalAtom.Index"/>).</summary>
    public abstract bool Evaluate(ref EvaluationScope scope, ReadOnlySpan<bool> temporal);
}

/// <summary>True when every operand is; stops at the first false.</summary>
internal sealed class AndNode(RuleNode[] operands) : RuleNode
{
    public override bool Evaluate(ref EvaluationScope scope)
    {
        foreach (var operand in operands)
        {
            if (!operand.Evaluate(ref scope))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Evaluate(ref EvaluationScope scope, ReadOnlySpan<bool> temporal)
    {
        foreach (var operand in operands)
        {
            if (!operand.Evaluate(ref scope, temporal))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>True when any operand is; stops at the first true.</summary>
internal sealed class OrNode(RuleNode[] operands) : RuleNode
{
    public override bool Evaluate(ref EvaluationScope scope)
    {
        foreach (var operand in operands)
        {
            if (operand.Evaluate(ref scope))
            {
                return true;
            }
        }

        return false;
    }

    public override bool Evaluate(ref EvaluationScope scope, ReadOnlySpan<bool> temporal)
    {
        foreach (var operand in operands)
        {
            if (operand.Evaluate(ref scope, temporal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The negation of its operand.</summary>
internal sealed class NotNode(RuleNode operand) : RuleNode
{
    public override bool Evaluate(ref EvaluationScope scope) => !operand.Evaluate(ref scope);

    public override bool Evaluate(ref EvaluationScope scope, ReadOnlySpan<bool> temporal) => !operand.Evaluate(ref scope, temporal);
}

/// <summary>A condition whose truth does not change as time passes.</summary>
internal sealed class TestAtom(ScopeTest test) : RuleNode
{
    public override bool Evaluate(ref EvaluationScope scope) => test(ref scope);

    public override bool Evaluate(ref EvaluationScope scope, ReadOnlySpan<bool> temporal) => test(ref scope);
}
