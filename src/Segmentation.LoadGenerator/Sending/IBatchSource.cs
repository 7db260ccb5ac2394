namespace Segmentation.LoadGenerator.Sending;

/// <summary>Makes the batches a <see cref="RateControlledSender"/> sends. Called by one thread at a time.</summary>
public interface IBatchSource
{
    /// <summary>
    /// The next batch: at most <paramref name="maxEvents"/> events (fewer when the size limit is reached first, never
    /// none), stamped with <paramref name="sentAt"/>.
    /// </summary>
    EventBatch NextBatch(int maxEvents, DateTimeOffset sentAt);
}
