using Segmentation.Tracking;

namespace Segmentation.Silo.Tracking;

public static class TrackingEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the Segment-compatible tracking API: <c>POST /v1/batch</c>, <c>/v1/track</c>, <c>/v1/identify</c>,
    /// <c>/v1/page</c>, <c>/v1/screen</c>, <c>/v1/group</c> and <c>/v1/alias</c>. Each answers 200
    /// <c>{"success":true}</c> once the accepted calls are durable (listing rejected batch items when there are
    /// some), 400 or 415 ProblemDetails for a refused body, 401 for a missing, unknown or revoked write key,
    /// 429 with Retry-After when too many events wait for storage, and 503 with Retry-After while the silo is not ready.
    /// </summary>
    public static IEndpointRouteBuilder MapTrackingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // No request-body metadata on purpose: declaring a content type would make routing refuse the others, and
        // RudderStack sends its gzip JSON as application/x-www-form-urlencoded.
        var group = endpoints.MapGroup("/v1")
            .WithTags("Tracking")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        Map(group, "/batch", TrackingEndpoint.Batch, "Send a batch of calls, each with its own type (what the SDKs send)");
        Map(group, "/track", TrackingEndpoint.Track, "Record an event");
        Map(group, "/identify", TrackingEndpoint.Identify, "Tie a user to their traits");
        Map(group, "/page", TrackingEndpoint.Page, "Record a page view");
        Map(group, "/screen", TrackingEndpoint.Screen, "Record an app screen view");
        Map(group, "/group", TrackingEndpoint.Group, "Associate a user with a group");
        Map(group, "/alias", TrackingEndpoint.Alias, "Merge a previous id into a user id");
        return endpoints;
    }

    private static void Map(RouteGroupBuilder group, string pattern, TrackingEndpoint endpoint, string summary) =>
        group.MapPost(pattern, (HttpContext context, TrackingRequestHandler handler) =>
                handler.HandleAsync(context, endpoint, context.RequestAborted))
            .WithName("Tracking" + endpoint)
            .WithSummary(summary);
}
