using System.Diagnostics;
using Segmentation.Import.Events;
using Segmentation.Import.Orders;
using Segmentation.Import.Sending;

namespace Segmentation.Import;

/// <summary>Runs an import: reads and converts the file, then sends the events to a sink (none for a dry run).</summary>
public sealed class ImportRunner
{
    private readonly ImportSettings _settings;

    public ImportRunner(ImportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
    }

    /// <param name="path">The CSV file.</param>
    /// <param name="sink">Where to send the events; null for a dry run.</param>
    /// <param name="observer">Told about progress, or null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="ImportInputException">The file cannot be imported as it is.</exception>
    public async Task<ImportReport> RunAsync(
        string path, IImportEventSink? sink, IImportObserver? observer, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var reading = observer is null ? null : new SyncProgress<ReadProgress>(observer.OnReading);
        var plan = await Task.Run(() => new OrderCsvReader(_settings).ReadFile(path, reading, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        var events = new OrderEventFactory(_settings).CreateAll(plan);
        observer?.OnConverted(plan, events.Count);
        SendOutcome? outcome = null;
        if (sink is not null)
        {
            var sending = observer is null ? null : new SyncProgress<SendProgress>(observer.OnSending);
            outcome = await sink.SendAsync(events, sending, cancellationToken).ConfigureAwait(false);
        }

        return new ImportReport(plan, events, outcome, clock.Elapsed);
    }
}
