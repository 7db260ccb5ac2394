using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Segmentation.Grains.Customers;
using Segmentation.Grains.Indexing;
using Segmentation.Grains.Rfm;
using Segmentation.Runtime.Hosting;

namespace Segmentation.Grains;

public static class CustomerProfilesSiloBuilderExtensions
{
    /// <summary>
    /// Adds customer profiles: the customer, RFM shard and email index grains, the <see cref="CustomerDirectory"/>
    /// for hosts, the RFM cut point refresh, segments (customers evaluate them on every change, see
    /// <see cref="SegmentsSiloBuilderExtensions.AddSegments"/>) and triggers (see <see cref="TriggersSiloBuilderExtensions.AddTriggers"/>).
    /// Options bind from <c>Segmentation:Profiles</c>. Safe to call twice.
    /// </summary>
    public static SiloBuilder AddCustomerProfiles(this SiloBuilder builder)
    {
        builder.AddGrain<CustomerGrain>().AddGrain<RfmShardGrain>().AddGrain<EmailIndexGrain>();
        var services = builder.Services;
        services.AddOptions<CustomerProfileOptions>().BindConfiguration(CustomerProfileOptions.SectionName);
        services.TryAddSingleton<RfmCutPointsCache>();
        services.TryAddSingleton<RfmRefresher>();
        services.TryAddSingleton<CustomerDirectory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, RfmRefreshService>());
        return builder.AddSegments().AddTriggers();
    }
}
