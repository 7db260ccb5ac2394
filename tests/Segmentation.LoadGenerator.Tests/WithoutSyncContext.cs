namespace Segmentation.LoadGenerator.Tests;

/// <summary>
/// Runs an action with no <see cref="SynchronizationContext"/>, so continuations of the tasks it completes run inline
/// (the runtime never inlines them under a test framework's context). Moving the fake clock or answering a held
/// request this way lets the code under test run to its next wait before the call returns.
/// </summary>
internal static class WithoutSyncContext
{
    public static void Run(Action action)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }
}
