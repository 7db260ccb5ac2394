using Segmentation.Storage.Sqlite;
using Xunit;

namespace Segmentation.Storage.Tests;

public sealed class WriteThreadTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Jobs_RunOneAtATimeInQueueOrder_OnOneThreadOutsideTheThreadPool()
    {
        var thread = new WriteThread("test writer");
        using var gate = new ManualResetEventSlim();
        var order = new List<int>();
        var threads = new HashSet<int>();
        var poolThreads = 0;
        var first = thread.RunAsync(() => gate.Wait(Timeout), CancellationToken.None);
        var jobs = Enumerable.Range(0, 50).Select(i => thread.RunAsync(
            () =>
            {
                order.Add(i);
                threads.Add(Environment.CurrentManagedThreadId);
                poolThreads += Thread.CurrentThread.IsThreadPoolThread ? 1 : 0;
                return i;
            },
            CancellationToken.None)).ToList();

        gate.Set();
        await first.WaitAsync(Timeout);
        var results = await Task.WhenAll(jobs).WaitAsync(Timeout);

        Assert.Equal(Enumerable.Range(0, 50), results);
        Assert.Equal(Enumerable.Range(0, 50), order);
        Assert.Single(threads);
        Assert.Equal(0, poolThreads);
        thread.Complete();
    }

    [Fact]
    public async Task Continuations_RunOffTheWriteThread()
    {
        var thread = new WriteThread("test writer");
        var writerId = await thread.RunAsync(() => Environment.CurrentManagedThreadId, CancellationToken.None).WaitAsync(Timeout);

        await thread.RunAsync(static () => 0, CancellationToken.None).WaitAsync(Timeout);

        Assert.NotEqual(writerId, Environment.CurrentManagedThreadId);
        thread.Complete();
    }

    [Fact]
    public async Task AJobCancelledWhileQueued_DoesNotRun_AndItsTaskIsCancelled()
    {
        var thread = new WriteThread("test writer");
        using var gate = new ManualResetEventSlim();
        using var cancellation = new CancellationTokenSource();
        var blocker = thread.RunAsync(() => gate.Wait(Timeout), CancellationToken.None);
        var ran = false;
        var queued = thread.RunAsync(() => ran = true, cancellation.Token);

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(Timeout));
        gate.Set();
        await blocker.WaitAsync(Timeout);
        await thread.RunAsync(static () => 0, CancellationToken.None).WaitAsync(Timeout);

        Assert.False(ran);
        thread.Complete();
    }

    [Fact]
    public async Task AStartedJob_RunsToItsEnd_WhenItsTokenIsCancelledMeanwhile()
    {
        var thread = new WriteThread("test writer");
        using var started = new ManualResetEventSlim();
        using var proceed = new ManualResetEventSlim();
        using var cancellation = new CancellationTokenSource();
        var job = thread.RunAsync(
            () =>
            {
                started.Set();
                proceed.Wait(Timeout);
                return 42;
            },
            cancellation.Token);

        Assert.True(started.Wait(Timeout));
        await cancellation.CancelAsync();
        proceed.Set();

        Assert.Equal(42, await job.WaitAsync(Timeout));
        thread.Complete();
    }

    [Fact]
    public async Task AFailingJob_FaultsItsTask_AndTheNextJobsStillRun()
    {
        var thread = new WriteThread("test writer");

        var failing = thread.RunAsync<int>(static () => throw new InvalidOperationException("disk full"), CancellationToken.None);
        var next = thread.RunAsync(static () => 7, CancellationToken.None);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.WaitAsync(Timeout));
        Assert.Equal("disk full", exception.Message);
        Assert.Equal(7, await next.WaitAsync(Timeout));
        thread.Complete();
    }

    [Fact]
    public async Task Complete_RunsTheQueuedJobs_ThenRefusesNewOnes()
    {
        var thread = new WriteThread("test writer");
        using var gate = new ManualResetEventSlim();
        var blocker = thread.RunAsync(() => gate.Wait(Timeout), CancellationToken.None);
        var queued = thread.RunAsync(static () => 1, CancellationToken.None);

        thread.Complete();
        gate.Set();

        Assert.Equal(1, await queued.WaitAsync(Timeout));
        await blocker.WaitAsync(Timeout);
        Assert.Throws<ObjectDisposedException>(() =>
        {
            _ = thread.RunAsync(static () => 2, CancellationToken.None);
        });
    }
}
