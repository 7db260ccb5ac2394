namespace Segmentation.Silo.Tracking;

/// <summary>
/// Says at start how many write keys the tracking API accepts, and warns when it accepts none (the production
/// settings ship without keys, so a silo nobody configured refuses every tracking request).
/// </summary>
internal sealed class TrackingWriteKeyReport(WriteKeyAuthenticator authenticator, ILogger<TrackingWriteKeyReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (authenticator.ActiveKeyCount == 0)
        {
            TrackingLog.NoActiveWriteKeys(logger);
        }
        else
        {
            TrackingLog.WriteKeysLoaded(logger, authenticator.ActiveKeyCount, authenticator.RevokedKeyCount);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
