using System.Reflection;
using System.Runtime.ExceptionServices;
using Segmentation.Delivery.Outbox;
using Segmentation.Runtime;
using Segmentation.Runtime.Storage;

namespace Segmentation.Delivery.Tests.Infrastructure;

/// <summary>
/// Storage whose appends of attempt records never complete: the dispatcher has posted and got the ESP's answer, but
/// its record of the outcome is not durable when the silo dies. Every other call goes to the storage underneath.
/// Built as a proxy of <see cref="ISiloStorage"/>, so it forwards whatever members the storage contract has.
/// </summary>
public class AttemptGateStorage : DispatchProxy
{
    private readonly TaskCompletionSource _attemptWaiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _never = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ISiloStorage _inner = null!;

    /// <summary>Completes when an attempt record first reached the storage (and hangs there).</summary>
    public Task AttemptWaiting => _attemptWaiting.Task;

    public static ISiloStorage Create(ISiloStorage inner, out AttemptGateStorage gate)
    {
        var storage = Create<ISiloStorage, AttemptGateStorage>();
        gate = (AttemptGateStorage)(object)storage;
        gate._inner = inner;
        return storage;
    }

    /// <summary>Fails the appends that hang, as the dead process's writes would never finish.</summary>
    public void Release() => _never.TrySetException(new ObjectDisposedException(nameof(AttemptGateStorage), "The silo died."));

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IPartitionLogStorage.AppendAsync)
            && args?[0] is IReadOnlyList<LogRecord> records
            && records.Any(static r => r.Kind == OutboxRecordKinds.SendAttempted))
        {
            _attemptWaiting.TrySetResult();
            return _never.Task;
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
