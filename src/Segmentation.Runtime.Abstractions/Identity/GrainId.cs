namespace Segmentation.Runtime;

/// <summary>
/// The full identity of a grain: its type name and its string key. Storage keys on both, so two grain
/// types never share a row for the same key.
/// </summary>
public readonly record struct GrainId
{
    /// <summary>The longest key accepted, in characters.</summary>
    public const int MaxKeyLength = 256;

    public GrainId(string type, string key)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            throw new ArgumentException("A grain type name must not be empty.", nameof(type));
        }

        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException($"A grain key must not be empty (grain type '{type}').", nameof(key));
        }

        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException(
                $"A grain key must be at most {MaxKeyLength} characters; got {key.Length} (grain type '{type}').",
                nameof(key));
        }

        Type = type;
        Key = key;
    }

    /// <summary>The registered grain type name, e.g. <c>customer</c>.</summary>
    public string Type { get; }

    /// <summary>The key within the type, e.g. a customer id.</summary>
    public string Key { get; }

    public override string ToString() => $"{Type}/{Key}";
}
