using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Segmentation.Delivery;
using Segmentation.Grains.Triggers;
using Segmentation.Grains.Triggers.Catalog;
using Segmentation.Runtime.Hosting;

namespace Segmentation.Grains;

public static class TriggersSiloBuilderExtensions
{
    /// <summary>
    /// Adds triggers: the trigger catalog grain, the silo's settings in force, the <see cref="TriggerDirectory"/> for
    /// hosts, delivery (the outbox the triggers append to) and <see cref="TriggerSendGuard"/> as the guard before every
    /// dispatch. Settings bind from <c>Segmentation:Triggers</c> and are checked at start. <c>AddCustomerProfiles</c>
    /// calls it. Safe to call twice.
    /// </summary>
    public static SiloBuilder AddTriggers(this SiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddGrain<TriggerCatalogGrain>().AddDelivery();
        var services = builder.Services;
        if (services.Any(static d => d.ServiceType == typeof(TriggerDirectory)))
        {
            return builder;
        }

        services.AddOptions<TriggerOptions>().BindConfiguration(TriggerOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TriggerOptions>, TriggerOptionsValidator>());
        services.AddSingleton<TriggerSettingsCache>();
        services.AddSingleton<TriggerDirectory>();
        return builder.UseSendGuard<TriggerSendGuard>();
    }
}
