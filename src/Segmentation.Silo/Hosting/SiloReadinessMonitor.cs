using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;

namespace Segmentation.Silo.Hosting;

/// <summary>
/// Watches the silo's recovery. When it completes the silo is ready (and <c>/health/ready</c> answers 200) and catches
/// up on the records it read; when either fails the host stops and the process exits with
/// <see cref="SiloExitCodes.RecoveryFailed"/> instead of running on without its data.
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

        if (!await WatchAsync(silo.WhenReadyAsync(), "recovery failed", logger.RecoveryFailed, stoppingToken))
        {
            return;
        }

        logger.SiloReady();
        await WatchAsync(silo.WhenCaughtUpAsync(), "catching up after recovery failed", logger.CatchUpFailed, stoppingToken);
    }

    /// <summary>Waits for a step of the start; false when the host is stopping or the step failed (the host is then stopped).</summary>
    private async Task<bool> WatchAsync(Task step, string failure, Action<Exception> log, CancellationToken stoppingToken)
    {
        try
        {
            await step.WaitAsync(stoppingToken);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Stopped before it was done: the silo (stopped before this service) cancels its recovery and catch-up.
            return false;
        }
        catch (Exception exception)
        {
            state.Fail(new StartupFailure(SiloExitCodes.RecoveryFailed, $"{failure}: {exception.Message}"));
            log(exception);
            lifetime.StopApplication();
            return false;
        }
    }
}
