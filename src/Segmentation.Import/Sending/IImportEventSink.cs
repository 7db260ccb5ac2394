using Segmentation.Import.Events;

namespace Segmentation.Import.Sending;

/// <summary>Where an import's events go: the tracking API over HTTP, or anything a test puts in its place.</summary>
public interface IImportEventSink
{
    /// <summary>Sends the events in the given order; never throws for a rejected or failed send, it counts it.</summary>
    /// <param name="events">The events.</param>
    /// <param name="progress">Told after each batch.</param>
    /// <param name="cancellationToken">Stops sending; the task then throws <see cref="OperationCanceledException"/>.</param>
    Task<SendOutcome> SendAsync(IReadOnlyList<ImportEvent> events, IProgress<SendProgress>? progress, CancellationToken cancellationToken);
}
