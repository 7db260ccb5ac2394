namespace Segmentation.Delivery.Esp;

/// <summary>Reads <c>Retry-After</c> (seconds or an HTTP date) as a wait from now; never negative.</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            return date > now ? date - now : TimeSpan.Zero;
        }

        return null;
    }
}
