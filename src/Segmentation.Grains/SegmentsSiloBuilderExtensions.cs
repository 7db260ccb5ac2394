using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Segmentation.Grains.Segments;
using Segmentation.Runtime.Hosting;

namespace Segmentation.Grains;

public static class SegmentsSiloBuilderExtensions
{
    /// <summary>
    /// Adds segments: the catalog, segment and customer registry grains, the silo's compiled definitions, the
    /// <see cref="SegmentDirectory"/> for hosts, previews and backfills (options from <c>Segmentation:Segments:Backfill</c>).
    /// The catalog is loaded at start (seeding the starter segments on a new deployment). <c>AddCustomerProfiles</c>
    /// calls it. Safe to call twice.
    /// </summary>
    public static SiloBuilder AddSegments(this SiloBuilder builder)
    {
        builder.AddGrain<SegmentCatalogGrain>().AddGrain<SegmentGrain>().AddGrain<CustomerRegistryGrain>();
        var services = builder.Services;
        if (services.Any(static d => d.ServiceType == typeof(SegmentDirectory)))
        {
            return builder;
        }

        services.AddSingleton<SegmentDefinitionsCache>();
        services.AddSingleton<SegmentPreviewer>();
        services.AddOptions<SegmentBackfillOptions>().BindConfiguration(SegmentBackfillOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SegmentBackfillOptions>, SegmentBackfillOptionsValidator>();
        services.AddSingleton<SegmentBackfillService>();
        services.AddSingleton<SegmentDirectory>();
        services.AddHostedService<SegmentCatalogLoader>();
        services.AddSingleton<IHostedService>(static sp => sp.GetRequiredService<SegmentBackfillService>());
        return builder;
    }
}
