using System.Collections.Concurrent;

namespace Segmentation.Storage.Sqlite;

/// <summary>
/// The store's own thread, which runs every use of the write connection, one job at a time in the order they were
/// queued. SQLite has no asynchronous I/O: a commit holds its thread until the fsync returns, several milliseconds
/// each. Here that thread is never one of the thread pool's, which on a two-core machine has two threads for every
/// grain turn of the silo. The thread starts with the first job and ends once <see cref="Complete"/> was called and
/// the queued jobs ran; callers' continuations run on the thread pool, never on it.
/// </summary>
internal sealed class WriteThread(string name)
{
    private readonly BlockingCollection<WriteJob> _jobs = [];
    private readonly Lock _startLock = new();
    private Thread? _thread;

    /// <summary>
    /// Queues <paramref name="work"/>. A job whose token is cancelled before it starts does not run and its task is
    /// cancelled; once started it runs to its end.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The thread was completed.</exception>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var job = new WriteJob<T>(work, cancellationToken);
        Start();
        job.CancelWhileQueued();
        try
        {
            _jobs.Add(job, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            job.Abandon();
            throw new ObjectDisposedException(name);
        }

        return job.Task;
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public Task RunAsync(Action work, CancellationToken cancellationToken) => RunAsync(
        () =>
        {
            work();
            return true;
        },
        cancellationToken);

    /// <summary>Accepts no more jobs; the thread ends after running those queued.</summary>
    public void Complete() => _jobs.CompleteAdding();

    private void Start()
    {
        if (Volatile.Read(ref _thread) is not null)
        {
            return;
        }

        lock (_startLock)
        {
            if (_thread is null)
            {
                var thread = new Thread(Run) { Name = name, IsBackground = true };
                thread.Start();
                Volatile.Write(ref _thread, thread);
            }
        }
    }

    private void Run()
    {
        foreach (var job in _jobs.GetConsumingEnumerable())
        {
            job.Run();
        }
    }

    private abstract class WriteJob
    {
        public abstract void Run();
    }

    private sealed class WriteJob<T>(Func<T> work, CancellationToken cancellationToken) : WriteJob
    {
        private const int Queued = 0;
        private const int Started = 1;
        private const int Cancelled = 2;

        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;
        private CancellationTokenRegistration _registration;

        public Task<T> Task => _completion.Task;

        /// <summary>Cancels the job if its token fires before it starts.</summary>
        public void CancelWhileQueued()
        {
            if (cancellationToken.CanBeCanceled)
            {
                _registration = cancellationToken.Register(static state => ((WriteJob<T>)state!).TryCancel(), this);
            }
        }

        /// <summary>The job was never queued.</summary>
        public void Abandon() => _registration.Dispose();

        public override void Run()
        {
            _registration.Dispose();
            if (Interlocked.CompareExchange(ref _state, Started, Queued) != Queued)
            {
                return;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                _completion.TrySetCanceled(cancellationToken);
                return;
            }

            try
            {
                _completion.TrySetResult(work());
            }
            catch (Exception exception)
            {
                _completion.TrySetException(exception);
            }
        }

        private void TryCancel()
        {
            if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
            {
                _completion.TrySetCanceled(cancellationToken);
            }
        }
    }
}
