using Microsoft.Extensions.DependencyInjection;
using Segmentation.Runtime.Catalog;
using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime.Hosting;

/// <summary>Configures a silo: its grain classes and its storage. Returned by <c>AddSegmentationSilo</c>.</summary>
public sealed class SiloBuilder(IServiceCollection services, GrainTypeRegistry registry)
{
    public IServiceCollection Services { get; } = services;

    /// <summary>Registers a grain class; safe to call twice.</summary>
    public SiloBuilder AddGrain<TGrain>()
        where TGrain : Grain
    {
        registry.Add(typeof(TGrain));
        return this;
    }

    /// <summary>Picks the one storage provider of the silo (the last call wins).</summary>
    public SiloBuilder UseStorage(Func<IServiceProvider, ISiloStorage> factory)
    {
        Services.AddSingleton(factory);
        return this;
    }
}
