namespace Segmentation.Delivery.Tests.Infrastructure;

/// <summary>
/// A cancellation token that only fires when a test hangs: generous, never part of what a test asserts. Tests wait on
/// real signals (a request reaching the receiver, a change of the send log, a timer being scheduled) bounded by it.
/// </summary>
internal static class HangGuard
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static CancellationTokenSource Start() => new(Limit);
}
