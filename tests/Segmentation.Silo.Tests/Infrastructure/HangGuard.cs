namespace Segmentation.Silo.Tests.Infrastructure;

/// <summary>
/// A cancellation token that only fires when a test hangs: generous, never part of what a test asserts.
/// Tests wait on real signals (a process exit, a 200 from /health/ready, a completed task) bounded by it.
/// </summary>
internal static class HangGuard
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static CancellationTokenSource Start() => new(Limit);

    /// <summary>A guard with its own limit, for a test that runs a silo process twice and waits for real time to pass.</summary>
    public static CancellationTokenSource Start(TimeSpan limit) => new(limit);
}
