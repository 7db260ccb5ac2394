namespace Segmentation.Delivery.Dispatch;

/// <summary>The default guard: every send may go (the triggers' own guard replaces it).</summary>
public sealed class AllowAllSendGuard : ISendGuard
{
    public ValueTask<SendGuardDecision> CheckAsync(SendGuardContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(SendGuardDecision.Allow);
}
