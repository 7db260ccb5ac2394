using Segmentation.TestKit;

namespace Segmentation.LoadGenerator.Tests;

/// <summary>
/// Drives code that waits on a <see cref="FakeTimeProvider"/>: whenever it is waiting, moves the clock to the earliest
/// pending due time. Time never passes for real; the code under test runs inline as timers fire
/// (see <see cref="WithoutSyncContext"/>).
/// </summary>
internal static class ClockDriver
{
    /// <summary>Moves the clock until <paramref name="running"/> completes, then returns its result.</summary>
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> running)
    {
        await AdvanceAsync(time, running, DateTimeOffset.MaxValue);
        return await running;
    }

    /// <summary>Moves the clock timer by timer up to <paramref name="until"/>, or until <paramref name="running"/> completes.</summary>
    public static async Task AdvanceAsync(FakeTimeProvider time, Task running, DateTimeOffset until)
    {
        while (!running.IsCompleted)
        {
            var now = time.GetUtcNow();
            var history = time.History;
            var next = history.Select(t => t.ScheduledAt + t.DueTime).Where(due => due > now).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            if (next > until || (next == DateTimeOffset.MaxValue && until != DateTimeOffset.MaxValue))
            {
                if (until > now)
                {
                    WithoutSyncContext.Run(() => time.SetUtcNow(until));
                }

                return;
            }

            if (next == DateTimeOffset.MaxValue)
            {
                var scheduled = time.WaitForTimerAsync(_ => true, history.Count + 1);
                if (await Task.WhenAny(running, scheduled) == scheduled)
                {
                    await scheduled;
                }

                continue;
            }

            WithoutSyncContext.Run(() => time.SetUtcNow(next));
        }
    }
}
