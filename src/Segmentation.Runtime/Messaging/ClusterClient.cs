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
