using Segmentation.Delivery.Outbox;

namespace Segmentation.Silo.Dashboard.Sends;

/// <summary>
/// Manual retries of failed and dead-lettered sends from the dashboard. Only an editor may retry: the role is checked
/// here whatever the page offered, so a viewer's forged request changes nothing. The send log records the retry with
/// the account's user name, as the management API records the name of its key.
/// </summary>
public sealed class DashboardSendRetry(OutboxDirectory outbox, DashboardUser user, ILogger<DashboardSendRetry> logger)
{
    /// <summary>Makes the send pending again with a fresh round of attempts.</summary>
    /// <returns>What the outbox did; null when the signed-in account is not an editor (nothing changed).</returns>
    public async Task<SendRetryResult?> RetryAsync(string sendId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sendId);
        if (await user.EditorNameAsync() is not { } editor)
        {
            DashboardLog.SendRetryRefused(logger);
            return null;
        }

        var result = await outbox.RetryAsync(sendId, editor, cancellationToken);
        if (result.Status == SendRetryStatus.Accepted)
        {
            DashboardLog.SendRetried(logger, sendId);
        }

        return result;
    }
}
