using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Segmentation.Silo.Tracking;

public static class TrackingHostBuilderExtensions
{
    /// <summary>
    /// Adds the Segment-compatible tracking API's services: its settings (<c>Segmentation:Tracking</c>, checked at
    /// start), write-key checks, the pending-event bound and the request handler. Needs the silo host and customer
    /// profiles; map the endpoints with <see cref="TrackingEndpointRouteBuilderExtensions.MapTrackingEndpoints"/>.
    /// Safe to call twice.
    /// </summary>
    public static WebApplicationBuilder AddTrackingApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(static d => d.ServiceType == typeof(TrackingRequestHandler)))
        {
            // Binding twice would add every write key twice.
            return builder;
        }

        services.AddOptions<TrackingOptions>().BindConfiguration(TrackingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrackingOptions>, TrackingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WriteKeyAuthenticator>();
        services.AddSingleton<PendingTrackingEvents>();
        services.AddSingleton<TrackingRequestHandler>();
        services.AddHostedService<TrackingWriteKeyReport>();
        return builder;
    }
}
