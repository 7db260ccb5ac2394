namespace Segmentation.LoadGenerator.Sending;

/// <summary>
/// Where a load run delivers its batches: the silo's tracking API (<see cref="HttpEventSink"/>), nothing at all
/// (<see cref="NullEventSink"/>, to measure the generator alone). The benchmark's PostgreSQL baseline serves the same
/// tracking API, so <see cref="HttpEventSink"/> sends to it too.
/// </summary>
/// <remarks>
/// Implementations are called concurrently (up to the run's concurrency), must honour the cancellation token
/// promptly (the run's drain deadline cancels it), and report failures in the <see cref="SinkResponse"/> rather
/// than by throwing. The batch body stays valid until the returned task completes; a sink must not keep it.
/// </remarks>
public interface IEventSink : IAsyncDisposable
{
    /// <summary>A short description of the target for reports, e.g. the URL posted to.</summary>
    string Description { get; }

    /// <summary>Delivers one batch and tells whether it was durably accepted.</summary>
    ValueTask<SinkResponse> SendAsync(EventBatch batch, CancellationToken cancellationToken);
}
