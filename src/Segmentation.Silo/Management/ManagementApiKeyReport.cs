namespace Segmentation.Silo.Management;

/// <summary>Says at start how many management keys are active, and warns when none is (the API then refuses everything).</summary>
internal sealed class ManagementApiKeyReport(ManagementApiKeyAuthenticator authenticator, ILogger<ManagementApiKeyReport> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (authenticator.ActiveKeyCount == 0)
        {
            ManagementLog.NoActiveKey(logger);
        }
        else
        {
            ManagementLog.KeysLoaded(logger, authenticator.ActiveKeyCount);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
