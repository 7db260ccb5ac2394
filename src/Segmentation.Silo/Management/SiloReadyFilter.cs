using System.Globalization;
using Segmentation.Runtime.Hosting;
using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;

namespace Segmentation.Silo.Management;

/// <summary>
/// Answers 503 with Retry-After while the silo is not ready (recovering its partitions or stopping): profiles and
/// timelines read during recovery would be partial.
/// </summary>
internal sealed class SiloReadyFilter(RuntimeSilo silo) : IEndpointFilter
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (silo.Status == SiloStatus.Ready)
        {
            return await next(context);
        }

        context.HttpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            $"The silo is not ready (status {silo.Status}); retry later.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Service unavailable");
    }
}
