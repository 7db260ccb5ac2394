using System.Threading.RateLimiting;

namespace Segmentation.Delivery.Dispatch;

/// <summary>
/// The endpoint's limits: at most <see cref="DeliveryOptions.MaxConcurrency"/> requests in flight, and (when set) at most
/// <see cref="DeliveryOptions.RateLimitPerSecond"/> requests in each second of the injected clock. Callers wait in order;
/// a slot is taken first, then a token, so requests never leave in a burst above the rate.
/// </summary>
internal sealed class EndpointLimiter : IAsyncDisposable
{
    private readonly ConcurrencyLimiter _concurrency;
    private readonly RequestRateLimiter? _rate;

    public EndpointLimiter(DeliveryOptions options, TimeProvider time)
    {
        _concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrency,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _rate = options.RateLimitPerSecond > 0 ? new RequestRateLimiter(options.RateLimitPerSecond, time) : null;
    }

    /// <summary>Waits for a slot and a token; dispose the lease when the request is done.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var slot = await _concurrency.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!slot.IsAcquired)
        {
            slot.Dispose();
            throw new InvalidOperationException("The endpoint's concurrency limiter refused a request; it is being disposed.");
        }

        if (_rate is null)
        {
            return slot;
        }

        try
        {
            await _rate.AcquireAsync(cancellationToken).ConfigureAwait(false);
            return slot;
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _concurrency.DisposeAsync().ConfigureAwait(false);
        _rate?.Dispose();
    }
}
