namespace Segmentation.Client;

/// <summary>Retry delays: exponential backoff with full jitter, or the server's <c>Retry-After</c>.</summary>
internal static class RetryDelay
{
    private static readonly TimeSpan MinimumDelay = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// The delay before retry number <paramref name="retry"/> (1 for the first retry): the server's
    /// <paramref name="retryAfter"/> when it gave one, else a uniformly random time up to
    /// <c>min(maxBackoff, initialBackoff * 2^(retry-1))</c> (at least 1 ms, so every wait goes through the clock).
    /// </summary>
    public static TimeSpan Next(int retry, TimeSpan initialBackoff, TimeSpan maxBackoff, TimeSpan? retryAfter)
    {
        if (retryAfter is { } serverDelay)
        {
            return serverDelay < TimeSpan.Zero ? TimeSpan.Zero : serverDelay;
        }

        var capTicks = Math.Min(maxBackoff.Ticks, initialBackoff.Ticks * Math.Pow(2, retry - 1));
#pragma warning disable CA5394 // Jitter spreads retries out; it needs no cryptographic randomness.
        var jitter = TimeSpan.FromTicks((long)(capTicks * Random.Shared.NextDouble()));
#pragma warning restore CA5394
        return jitter < MinimumDelay ? MinimumDelay : jitter;
    }

    /// <summary>The delay a <c>Retry-After</c> header asks for, from its seconds or its HTTP date.</summary>
    public static TimeSpan? FromRetryAfter(System.Net.Http.Headers.RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
