using Segmentation.Domain.Profiles;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Catalog;

/// <summary>
/// One entry of the <see cref="AttributeCatalog"/>: the name, how it is written, its type, its group in the
/// documentation, what it means, and for an enumeration the values it takes.
/// </summary>
public sealed record AttributeDefinition(
    string Name,
    string Syntax,
    AttributeKind Kind,
    RuleValueType Type,
    string Group,
    string Description,
    ValueList<string> Values)
{
    /// <summary>True for a plain-name attribute whose value can be missing (so <c>exists</c>/<c>missing</c> are meaningful).</summary>
    public bool IsOptional { get; init; }

    /// <summary>
    /// The parts of the profile the value is read from (for <c>count</c> and <c>sum</c>, the events of their name;
    /// <c>in_segment</c> reads none: the other segment's own inputs count). A segment is evaluated again after an
    /// event only when the event can have changed one of its inputs.
    /// </summary>
    public ProfileParts Inputs { get; init; }
}
