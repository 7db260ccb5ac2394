namespace Segmentation.Segments;

/// <summary>A segment rule (or a set of segment definitions) is invalid; <see cref="Error"/> says where and why.</summary>
public sealed class SegmentRuleException : Exception
{
    public SegmentRuleException(SegmentRuleError error)
        : base(error?.Message)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    public SegmentRuleException(SegmentRuleError error, Exception innerException)
        : base(error?.Message, innerException)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    public SegmentRuleException()
        : this(new SegmentRuleError(SegmentRuleErrorCode.Syntax, null, null, "The segment rule is invalid."))
    {
    }

    public SegmentRuleException(string message)
        : this(new SegmentRuleError(SegmentRuleErrorCode.Syntax, null, null, message))
    {
    }

    public SegmentRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new SegmentRuleError(SegmentRuleErrorCode.Syntax, null, null, message);
    }

    public SegmentRuleError Error { get; }
}
