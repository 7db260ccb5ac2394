namespace Segmentation.Silo.Dashboard.Accounts;

/// <summary>Says at start how many dashboard accounts can sign in, and warns when none can.</summary>
internal sealed class DashboardAccountReport(DashboardAccountAuthenticator authenticator, ILogger<DashboardAccountReport> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (authenticator.AccountCount == 0)
        {
            DashboardLog.NoAccounts(logger);
        }
        else
        {
            DashboardLog.AccountsLoaded(logger, authenticator.AccountCount);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
