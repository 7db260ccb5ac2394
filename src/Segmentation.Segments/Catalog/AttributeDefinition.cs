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
}
