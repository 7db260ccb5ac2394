namespace Segmentation.Runtime;

/// <summary>
/// The grain type name stored with every identity (e.g. <c>customer</c>). It must stay the same across
/// versions, since storage keys on it; without the attribute the class name is used.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
