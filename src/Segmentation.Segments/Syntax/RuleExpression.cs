using System.Text.Json.Serialization;
using Segmentation.Segments.Json;

namespace Segmentation.Segments.Syntax;

/// <summary>
/// A node of a segment rule's syntax tree that is true or false for a customer: a combination (and, or, not) or
/// a condition on an operand. Records with value equality; the JSON form names each node's type in <c>kind</c>.
/// </summary>
[JsonConverter(typeof(RuleExpressionJsonConverter))]
public abstract record RuleExpression;
