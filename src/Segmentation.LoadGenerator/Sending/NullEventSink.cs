namespace Segmentation.LoadGenerator.Sending;

/// <summary>A sink that accepts every batch at once without sending it anywhere: measures the generator alone.</summary>
public sealed class NullEventSink : IEventSink
{
    private long _events;

    /// <inheritdoc />
    public string Description => "null (batches are built and dropped)";

    /// <summary>Events accepted so far.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <inheritdoc />
    public ValueTask<SinkResponse> SendAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Interlocked.Add(ref _events, batch.EventCount);
        return ValueTask.FromResult(SinkResponse.Ok);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
