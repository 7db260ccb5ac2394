namespace Segmentation.Segments.Parsing;

/// <summary>
/// Where each node of a parsed rule came from, by node identity (not value equality, so two equal conditions at
/// different places keep their own positions): its start, and for a condition the position of its operator.
/// </summary>
internal sealed class RuleSourceMap
{
    private readonly Dictionary<object, SourcePosition> _starts = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, SourcePosition> _operators = new(ReferenceEqualityComparer.Instance);

    public T Start<T>(T node, SourcePosition position)
        where T : class
    {
        _starts.TryAdd(node, position);
        return node;
    }

    public T Operator<T>(T node, SourcePosition position)
        where T : class
    {
        _operators.TryAdd(node, position);
        return node;
    }

    public SourcePosition? StartOf(object node) => _starts.TryGetValue(node, out var position) ? position : null;

    public SourcePosition? OperatorOf(object node) => _operators.TryGetValue(node, out var position) ? position : StartOf(node);
}
