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

    /// <summary>
    /// The result when it holds whatever the rule's temporal conditions become (e.g. an <c>and</c> with a condition
    /// that is false and cannot change by time), without evaluating them; null when it depends on them.
    /// </summary>
    public abstract bool? Settled(ref EvaluationScope scope);
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

    public override bool? Settled(ref EvaluationScope scope)
    {
        var settled = true;
        foreach (var operand in operands)
        {
            var value = operand.Settled(ref scope);
            if (value == false)
            {
                return false;
            }

            settled &= value == true;
        }

        return settled ? true : null;
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

    public override bool? Settled(ref EvaluationScope scope)
    {
        var settled = true;
        foreach (var operand in operands)
        {
            var value = operand.Settled(ref scope);
            if (value == true)
            {
                return true;
            }

            settled &= value == false;
        }

        return settled ? false : null;
    }
}

/// <summary>The negation of its operand.</summary>
internal sealed class NotNode(RuleNode operand) : RuleNode
{
    public override bool Evaluate(ref EvaluationScope scope) => !operand.Evaluate(ref scope);

    public override bool Evaluate(ref EvaluationScope scope, ReadOnlySpan<bool> temporal) => !operand.Evaluate(ref scope, temporal);

    public override bool? Settled(ref EvaluationScope scope) => !operand.Settled(ref scope);
}

/// <summary>A condition whose truth does not change as time passes.</summary>
internal sealed class TestAtom(ScopeTest test) : RuleNode
{
    public override bool Evaluate(ref EvaluationScope scope) => test(ref scope);

    public override bool Evaluate(ref EvaluationScope scope, ReadOnlySpan<bool> temporal) => test(ref scope);

    public override bool? Settled(ref EvaluationScope scope) => test(ref scope);
}
