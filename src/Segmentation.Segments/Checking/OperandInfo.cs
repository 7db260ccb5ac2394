using Segmentation.Segments.Catalog;

namespace Segmentation.Segments.Checking;

/// <summary>What the checker knows about an operand: its type, its catalog entry, and how messages name it and its type.</summary>
internal readonly record struct OperandInfo(RuleValueType Type, AttributeDefinition? Definition, string Display, string TypeName);
