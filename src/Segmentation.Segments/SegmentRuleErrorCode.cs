namespace Segmentation.Segments;

/// <summary>What kind of problem a <see cref="SegmentRuleError"/> reports.</summary>
public enum SegmentRuleErrorCode
{
    /// <summary>The text does not follow the grammar (unexpected token, unbalanced parentheses, trailing input, bad literal).</summary>
    Syntax,

    /// <summary>An attribute, function or trait name that does not exist.</summary>
    UnknownName,

    /// <summary>An operator or value that does not fit the operand's type (e.g. <c>email &gt; 3</c>).</summary>
    TypeMismatch,

    /// <summary>A window that is zero, negative or longer than allowed.</summary>
    InvalidWindow,

    /// <summary>A value that its operand does not take (e.g. an unknown lifecycle stage, a malformed date).</summary>
    InvalidValue,

    /// <summary>A syntax tree that the parser cannot produce (e.g. from JSON: an <c>and</c> with one operand).</summary>
    MalformedTree,

    /// <summary>A segment that refers to itself, directly or through others.</summary>
    Cycle,

    /// <summary>A reference to a segment that is not defined.</summary>
    UnknownSegment,

    /// <summary>A segment that other segments refer to with <c>in_segment</c> cannot be deleted.</summary>
    SegmentInUse,

    /// <summary>A segment's own fields are invalid (an empty or overlong name, a malformed id).</summary>
    InvalidDefinition,
}
