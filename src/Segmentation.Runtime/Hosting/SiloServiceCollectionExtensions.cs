using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Segmentation.Runtime.Catalog;
using Segmentation.Runtime.Configuration;

namespace Segmentation.Runtime.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds the silo as a hosted service, with its <see cref="IClusterClient"/> and <see cref="IGrainFactory"/>.
    /// Settings bind from the <c>Segmentation:Silo</c> section and are validated at start.
    /// </summary>
    public static SiloBuilder AddSegmentationSilo(this IServiceCollection services, Action<SiloOptions>? configure = null)
    {
        var existing = services.FirstOrDefault(static d => d.ServiceType == typeof(GrainTypeRegistry))?.ImplementationInstance;
        var registry = existing as GrainTypeRegistry ?? new GrainTypeRegistry();
        if (existing is null)
        {
            services.AddSingleton(registry);
            services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.SectionName).ValidateOnStart();
            services.AddSingleton<IValidateOptions<SiloOptions>, SiloOptionsValidator>();
            services.TryAddSingleton(TimeProvider.System);
            services.AddSingleton<Silo>();
            services.AddHostedService(static sp => sp.GetRequiredService<Silo>());
            services.AddSingleton<IClusterClient>(static sp => sp.GetRequiredService<Silo>().Client);
            services.AddSingleton<IGrainFactory>(static sp => sp.GetRequiredService<IClusterClient>());
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new SiloBuilder(services, registry);
    }
}
