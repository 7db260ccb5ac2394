using Segmentation.Runtime.Catalog;
using Segmentation.Runtime.Scheduler;

namespace Segmentation.Runtime.Messaging;

/// <summary>Grain references, calls with a response timeout, and durable appends, for hosts and grains alike.</summary>
internal sealed class ClusterClient(SiloRuntime runtime) : IClusterClient, IGrainCallInvoker
{
    public GrainReference<TGrain> GetGrain<TGrain>(string key)
        where TGrain : Grain =>
        new(new GrainId(runtime.Registry.Get(typeof(TGrain)).Name, key), this);

    public ValueTask<TResult> InvokeAsync<TGrain, TResult>(
        GrainId target, Func<TGrain, ValueTask<TResult>> call, bool readOnly, CancellationToken cancellationToken)
        where TGrain : Grain
    {
        ArgumentNullException.ThrowIfNull(call);
        var item = new InvokeWorkItem<TGrain, TResult>(call, readOnly);
        runtime.Catalog.Dispatch(target, item);
        var task = item.Task;
        return task.IsCompleted
            ? new ValueTask<TResult>(task)
            : new ValueTask<TResult>(WithTimeoutAsync(task, target, cancellationToken));
    }

    public void Post<TGrain>(GrainId target, Func<TGrain, ValueTask> call)
        where TGrain : Grain
    {
        ArgumentNullException.ThrowIfNull(call);
        runtime.Catalog.Dispatch(target, new PostWorkItem<TGrain>(call));
    }

    public Task AppendAsync(IReadOnlyList<DurableMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            if (!runtime.Registry.Get(message.Target.Type).IsDurable)
            {
                throw new ArgumentException(
                    $"Grain type '{message.Target.Type}' is not log-fed (it does not implement IDurableGrain).", nameof(messages));
            }
        }

        return runtime.Writer.AppendAsync(messages, cancellationToken);
    }

    public Task InvokeEachAsync<TGrain, TState>(
        IReadOnlyList<string> keys, TState state, Func<TGrain, int, TState, ValueTask> call, CancellationToken cancellationToken = default)
        where TGrain : Grain
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(call);
        if (keys.Count == 0)
        {
            return Task.CompletedTask;
        }

        var type = runtime.Registry.Get(typeof(TGrain)).Name;
        var batch = new CallBatch(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var id = new GrainId(type, keys[i]);
            if (runtime.Catalog.Find(id) is { } activation && activation.TryBeginInlineTurn())
            {
                RunInline(activation, call, i, state, batch);
            }
            else
            {
                runtime.Catalog.Dispatch(id, new BatchCallWorkItem<TGrain, TState>(call, i, state, batch), touch: false);
            }
        }

        return batch.Task.IsCompleted ? batch.Task : WaitForBatchAsync(batch, keys.Count, cancellationToken);
    }

    /// <summary>Runs one call of a batch as the turn the caller claimed; a call that does not finish at once keeps the turn until it does.</summary>
    private static void RunInline<TGrain, TState>(Activation activation, Func<TGrain, int, TState, ValueTask> call, int index, TState state, CallBatch batch)
        where TGrain : Grain
    {
        ValueTask pending;
        try
        {
            pending = call((TGrain)activation.Grain, index, state);
        }
        catch (Exception exception)
        {
            activation.EndInlineTurn();
            batch.Failed(exception);
            return;
        }

        if (pending.IsCompletedSuccessfully)
        {
            activation.EndInlineTurn();
            batch.Completed();
        }
        else
        {
            _ = FinishInlineAsync(activation, pending, batch);
        }
    }

    private static async Task FinishInlineAsync(Activation activation, ValueTask pending, CallBatch batch)
    {
        try
        {
            await pending.ConfigureAwait(false);
            activation.EndInlineTurn();
            batch.Completed();
        }
        catch (Exception exception)
        {
            activation.EndInlineTurn();
            batch.Failed(exception);
        }
    }

    private async Task WaitForBatchAsync(CallBatch batch, int count, CancellationToken cancellationToken)
    {
        try
        {
            await batch.Task.WaitAsync(runtime.Options.ResponseTimeout, runtime.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{batch.Pending} of {count} grain calls had not run within {runtime.Options.ResponseTimeout}.");
        }
    }

    private async Task<TResult> WithTimeoutAsync<TResult>(Task<TResult> task, GrainId target, CancellationToken cancellationToken)
    {
        try
        {
            return await task.WaitAsync(runtime.Options.ResponseTimeout, runtime.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{target} did not answer within {runtime.Options.ResponseTimeout}.");
        }
    }
}
