namespace Segmentation.Segments.Catalog;

/// <summary>The type of an operand, which decides the operators and values it takes.</summary>
public enum RuleValueType
{
    /// <summary>True or false: used on its own, or with <c>= true</c> / <c>= false</c>.</summary>
    Boolean,

    /// <summary>A decimal number: every comparison, <c>in</c>.</summary>
    Number,

    /// <summary>Text (case-insensitive): <c>=</c>, <c>!=</c>, <c>in</c>, <c>contains</c>, <c>starts_with</c>.</summary>
    Text,

    /// <summary>An instant: <c>within</c>, <c>before</c>, comparisons with an ISO 8601 date.</summary>
    Timestamp,

    /// <summary>One of a fixed set of names: <c>=</c>, <c>!=</c>, <c>in</c>.</summary>
    Enumeration,

    /// <summary>A trait or event property whose JSON type is known only per customer: compared as the value's type.</summary>
    Dynamic,
}
