using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Segmentation.Grains.Segments;

/// <summary>
/// Loads the segment definitions when the silo starts: activates the catalog (which seeds the starters on a new
/// deployment) so the first tracking calls find the compiled set ready. Customer grains wait for it anyway.
/// </summary>
public sealed partial class SegmentCatalogLoader(SegmentDefinitionsCache definitions, ILogger<SegmentCatalogLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await definitions.EnsureLoadedAsync(stoppingToken).ConfigureAwait(false);
            LogLoaded(definitions.Current!.Segments.Count);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogLoadFailed(exception);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Segment definitions loaded: {Count} segments")]
    private partial void LogLoaded(int count);

    [LoggerMessage(2, LogLevel.Error, "Loading the segment definitions failed; customer grains retry when they next evaluate")]
    private partial void LogLoadFailed(Exception exception);
}
