namespace Segmentation.Domain.Profiles;

/// <summary>The JSON kind of a <see cref="ScalarValue"/>.</summary>
public enum ScalarKind : byte
{
    String,
    Number,
    Boolean,
}
