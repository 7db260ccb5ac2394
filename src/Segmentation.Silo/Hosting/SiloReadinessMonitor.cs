using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;

namespace Segmentation.Silo.Hosting;

/// <summary>
/// Watches the silo's recovery. When it completes the silo is ready (and <c>/health/ready</c> answers 200); when it
/// fails the host stops and the process exits with <see cref="SiloExitCodes.RecoveryFailed"/> instead of running on
/// without its data.
/// </summary>
internal sealed class SiloReadinessMonitor(
    RuntimeSilo silo,
    SiloSettingsLocation settings,
    SiloRunState state,
    IHostApplicationLifetime lifetime,
    ILogger<SiloReadinessMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.HasBaseFile)
        {
            logger.SettingsRead(settings.Directory);
        }
        else
        {
            logger.SettingsMissing(settings.Directory);
        }

        try
        {
            await silo.WhenReadyAsync().WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Stopped before it was ready: the silo (stopped before this service) cancels its recovery.
            return;
        }
        catch (Exception exception)
        {
            state.Fail(new StartupFailure(SiloExitCodes.RecoveryFailed, $"recovery failed: {exception.Message}"));
            logger.RecoveryFailed(exception);
            lifetime.StopApplication();
            return;
        }

        logger.SiloReady();
    }
}
