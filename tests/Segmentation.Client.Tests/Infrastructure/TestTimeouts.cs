namespace Segmentation.Client.Tests.Infrastructure;

/// <summary>
/// Real-clock limits used only so that a broken test fails instead of hanging. No test waits for them to pass
/// and none asserts anything about real durations.
/// </summary>
public static class TestTimeouts
{
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    public static Task Guarded(this Task task) => task.WaitAsync(HangGuard);

    public static Task<T> Guarded<T>(this Task<T> task) => task.WaitAsync(HangGuard);

    public static Task Guarded(this ValueTask task) => task.AsTask().WaitAsync(HangGuard);
}
