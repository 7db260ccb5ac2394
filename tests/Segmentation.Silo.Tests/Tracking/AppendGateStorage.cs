using System.Reflection;
using System.Runtime.ExceptionServices;
using Segmentation.Runtime.Storage;
using Segmentation.Storage.InMemory;

namespace Segmentation.Silo.Tests.Tracking;

/// <summary>
/// In-memory storage whose log appends wait while the test holds the gate closed: the group commit stalls, so
/// accepted events stay pending (not durable) for as long as a test needs. Every other call goes straight to an
/// <see cref="InMemorySiloStorage"/>. Built as a proxy of <see cref="ISiloStorage"/>, so it forwards whatever
/// members the storage contract has.
/// </summary>
public class AppendGateStorage : DispatchProxy
{
    private readonly ISiloStorage _inner = new InMemorySiloStorage();
    private readonly TaskCompletionSource _appendWaiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _gate = Opened();

    /// <summary>Completes when an append first waits at the closed gate.</summary>
    public Task AppendWaiting => _appendWaiting.Task;

    /// <summary>The storage to register as <see cref="ISiloStorage"/>, and its gate.</summary>
    public static (ISiloStorage Storage, AppendGateStorage Gate) Create()
    {
        var storage = Create<ISiloStorage, AppendGateStorage>();
        return (storage, (AppendGateStorage)(object)storage);
    }

    /// <summary>From now on appends wait until <see cref="Open"/>.</summary>
    public void Close() => Interlocked.CompareExchange(ref _gate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), Volatile.Read(ref _gate));

    /// <summary>Lets waiting and later appends through.</summary>
    public void Open() => Volatile.Read(ref _gate).TrySetResult();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return targetMethod.Name == nameof(IPartitionLogStorage.AppendAsync) && targetMethod.ReturnType == typeof(Task)
            ? GatedAppendAsync(targetMethod, args)
            : Forward(targetMethod, args);
    }

    private async Task GatedAppendAsync(MethodInfo targetMethod, object?[]? args)
    {
        var gate = Volatile.Read(ref _gate).Task;
        if (!gate.IsCompleted)
        {
            _appendWaiting.TrySetResult();
            await gate;
        }

        await (Task)Forward(targetMethod, args)!;
    }

    private object? Forward(MethodInfo targetMethod, object?[]? args)
    {
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

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
