using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Segmentation.Delivery.Dispatch;
using Segmentation.Delivery.Outbox;
using Segmentation.Runtime.Hosting;

namespace Segmentation.Delivery;

public static class DeliverySiloBuilderExtensions
{
    /// <summary>
    /// Adds ESP delivery: the outbox shard grains, the <see cref="OutboxDirectory"/> for hosts, and the
    /// <see cref="DeliveryDispatcher"/> (a hosted service; it runs only when <c>Segmentation:Delivery:EndpointUrl</c> is
    /// set). Settings bind from <c>Segmentation:Delivery</c> and are checked at start. The guard before each attempt
    /// allows everything until <see cref="UseSendGuard{TGuard}"/> picks another. Safe to call twice.
    /// </summary>
    public static SiloBuilder AddDelivery(this SiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddGrain<OutboxGrain>();
        var services = builder.Services;
        if (services.Any(static d => d.ServiceType == typeof(OutboxDirectory)))
        {
            return builder;
        }

        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDirectory>();
        services.TryAddSingleton<ISendGuard, AllowAllSendGuard>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<IHostedService>(static sp => sp.GetRequiredService<DeliveryDispatcher>());
        return builder;
    }

    /// <summary>Picks the guard checked before every attempt (the last call wins); see <see cref="ISendGuard"/>.</summary>
    public static SiloBuilder UseSendGuard<TGuard>(this SiloBuilder builder)
        where TGuard : class, ISendGuard
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<ISendGuard>();
        builder.Services.AddSingleton<ISendGuard, TGuard>();
        return builder;
    }
}
