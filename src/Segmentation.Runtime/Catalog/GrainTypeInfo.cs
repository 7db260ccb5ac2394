using Microsoft.Extensions.DependencyInjection;

namespace Segmentation.Runtime.Catalog;

/// <summary>A registered grain class: its stored type name, how to construct it, and what it implements.</summary>
internal sealed class GrainTypeInfo
{
    private readonly ObjectFactory _factory;

    public GrainTypeInfo(string name, Type grainClass)
    {
        Name = name;
        GrainClass = grainClass;
        IsDurable = typeof(IDurableGrain).IsAssignableFrom(grainClass);
        IsRemindable = typeof(IRemindable).IsAssignableFrom(grainClass);
        _factory = ActivatorUtilities.CreateFactory(grainClass, Type.EmptyTypes);
    }

    public string Name { get; }

    public Type GrainClass { get; }

    public bool IsDurable { get; }

    public bool IsRemindable { get; }

    public Grain Create(IServiceProvider services) => (Grain)_factory(services, null);
}
