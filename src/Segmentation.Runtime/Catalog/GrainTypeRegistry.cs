using System.Reflection;

namespace Segmentation.Runtime.Catalog;

/// <summary>The grain classes a silo knows, by CLR type and by stored type name.</summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<string, GrainTypeInfo> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, GrainTypeInfo> _byClass = [];

    /// <summary>Registers a grain class; registering the same class twice is harmless.</summary>
    public void Add(Type grainClass)
    {
        ArgumentNullException.ThrowIfNull(grainClass);
        if (!typeof(Grain).IsAssignableFrom(grainClass) || grainClass.IsAbstract)
        {
            throw new ArgumentException($"{grainClass.FullName} is not a concrete grain class.", nameof(grainClass));
        }

        if (_byClass.ContainsKey(grainClass))
        {
            return;
        }

        var name = grainClass.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? grainClass.Name;
        if (_byName.TryGetValue(name, out var existing))
        {
            throw new ArgumentException(
                $"Grain type name '{name}' is used by both {existing.GrainClass.FullName} and {grainClass.FullName}.",
                nameof(grainClass));
        }

        var info = new GrainTypeInfo(name, grainClass);
        _byName.Add(name, info);
        _byClass.Add(grainClass, info);
    }

    internal GrainTypeInfo Get(Type grainClass) =>
        _byClass.TryGetValue(grainClass, out var info) ? info : throw new UnknownGrainTypeException(grainClass.Name);

    internal GrainTypeInfo Get(string typeName) =>
        _byName.TryGetValue(typeName, out var info) ? info : throw new UnknownGrainTypeException(typeName);
}
