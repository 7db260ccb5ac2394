namespace Segmentation.Segments.Syntax;

/// <summary>Which side of the window a <see cref="RecencyCondition"/> asks for.</summary>
public enum RecencyKind
{
    /// <summary>In the last N: after asOf - N and not after asOf.</summary>
    Within,

    /// <summary>At least N ago: at or before asOf - N.</summary>
    Before,
}
