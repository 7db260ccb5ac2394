using Segmentation.Delivery.Dispatch;

namespace Segmentation.Delivery.Tests.Infrastructure;

/// <summary>A guard whose decisions the test scripts (allow when nothing is scripted); it records what it was asked.</summary>
internal sealed class ScriptedGuard : ISendGuard
{
    private readonly Lock _lock = new();
    private readonly Queue<Func<SendGuardContext, SendGuardDecision>> _decisions = new();
    private readonly List<SendGuardContext> _checks = [];

    public IReadOnlyList<SendGuardContext> Checks
    {
        get
        {
            lock (_lock)
            {
                return [.. _checks];
            }
        }
    }

    public void Then(Func<SendGuardContext, SendGuardDecision> decision)
    {
        lock (_lock)
        {
            _decisions.Enqueue(decision);
        }
    }

    public ValueTask<SendGuardDecision> CheckAsync(SendGuardContext context, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _checks.Add(context);
            return ValueTask.FromResult(_decisions.TryDequeue(out var decision) ? decision(context) : SendGuardDecision.Allow);
        }
    }
}
