using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Segmentation.Grains.Rfm;

/// <summary>Keeps the RFM cut points fresh: at start, then every <see cref="CustomerProfileOptions.RfmRefreshInterval"/>.</summary>
public sealed partial class RfmRefreshService(
    RfmRefresher refresher, IOptions<CustomerProfileOptions> options, TimeProvider time, ILogger<RfmRefreshService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RfmRefreshInterval, time);
        do
        {
            try
            {
                var cutPoints = await refresher.RefreshAsync(stoppingToken).ConfigureAwait(false);
                LogRefreshed(cutPoints.PopulationSize);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRefreshFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(1, LogLevel.Debug, "RFM cut points refreshed over {PopulationSize} customers")]
    private partial void LogRefreshed(int populationSize);

    [LoggerMessage(2, LogLevel.Warning, "Refreshing the RFM cut points failed; the previous ones stay")]
    private partial void LogRefreshFailed(Exception exception);
}
