using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Segmentation.Client;

/// <summary>Registers a <see cref="TrackingClient"/> in a service collection.</summary>
public static class TrackingClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers one shared <see cref="TrackingClient"/> (a singleton) configured by <paramref name="configure"/>,
    /// logging through the container's <see cref="ILogger{TCategoryName}"/> when logging is registered. The
    /// options are validated when the client is first resolved. The container disposes the client, which sends
    /// what is still queued: dispose the container asynchronously (the generic host does), since the client is
    /// only <see cref="IAsyncDisposable"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddTrackingClient(options =>
    /// {
    ///     options.Endpoint = new Uri(builder.Configuration["Tracking:Endpoint"]!);
    ///     options.WriteKey = builder.Configuration["Tracking:WriteKey"];
    /// });
    /// </code>
    /// </example>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="TrackingClientOptions.Endpoint"/> and <see cref="TrackingClientOptions.WriteKey"/> are required.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddTrackingClient(this IServiceCollection services, Action<TrackingClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TrackingClientOptions>().Configure(configure);
        services.TryAddSingleton(provider => new TrackingClient(
            provider.GetRequiredService<IOptions<TrackingClientOptions>>().Value,
            provider.GetService<ILogger<TrackingClient>>()));
        return services;
    }
}
