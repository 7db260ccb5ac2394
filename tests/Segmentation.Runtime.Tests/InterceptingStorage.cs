using System.Reflection;
using System.Runtime.ExceptionServices;
using Segmentation.Runtime.Storage;
using Segmentation.Storage.InMemory;
using Segmentation.TestKit;

namespace Segmentation.Runtime.Tests;

/// <summary>
/// In-memory storage whose reads of record bodies (<see cref="IPartitionLogStorage.ReadRecordsAsync"/>) fail while the
/// test says so, as a damaged or unreachable file would, and which counts the checkpoints written and the index reads
/// made on thread-pool threads; every call goes on
/// to an <see cref="InMemorySiloStorage"/> shared by every silo of a test. A proxy of <see cref="ISiloStorage"/>, so it
/// forwards whatever members the storage contract has.
/// </summary>
public class InterceptingStorage : DispatchProxy
{
    private ISiloStorage _inner = null!;
    private volatile bool _failing;
    private int _checkpointWrites;
    private int _indexReads;
    private int _indexReadsOnThePool;

    /// <summary>Makes every silo built from <paramref name="options"/> use one new intercepting storage; returns its switch.</summary>
    public static InterceptingStorage AttachTo(TestSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var storage = Create<ISiloStorage, InterceptingStorage>();
        var proxy = (InterceptingStorage)(object)storage;
        proxy._inner = new InMemorySiloStorage();
        options.StorageFactory = () => storage;
        return proxy;
    }

    /// <summary>Whether body reads fail now.</summary>
    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    /// <summary>The calls of <see cref="IPartitionLogStorage.WriteCheckpointAsync"/> so far.</summary>
    public int CheckpointWrites => Volatile.Read(ref _checkpointWrites);

    /// <summary>The calls of <see cref="IPartitionLogStorage.ReadIndexAsync"/> so far, and those made on a thread-pool thread.</summary>
    public (int All, int OnThePool) IndexReads => (Volatile.Read(ref _indexReads), Volatile.Read(ref _indexReadsOnThePool));

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IPartitionLogStorage.ReadIndexAsync))
        {
            Interlocked.Increment(ref _indexReads);
            if (Thread.CurrentThread.IsThreadPoolThread)
            {
                Interlocked.Increment(ref _indexReadsOnThePool);
            }
        }

        if (targetMethod.Name == nameof(IPartitionLogStorage.WriteCheckpointAsync))
        {
            Interlocked.Increment(ref _checkpointWrites);
        }

        if (targetMethod.Name == nameof(IPartitionLogStorage.ReadRecordsAsync) && _failing)
        {
            return Task.FromException<IReadOnlyList<LogRecord>>(new IOException("The log file could not be read."));
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }
}
