namespace Segmentation.Runtime;

/// <summary>The runtime's side of a <see cref="GrainReference{TGrain}"/>: queues calls as turns of the target activation.</summary>
public interface IGrainCallInvoker
{
    ValueTask<TResult> InvokeAsync<TGrain, TResult>(
        GrainId target, Func<TGrain, ValueTask<TResult>> call, bool readOnly, CancellationToken cancellationToken)
        where TGrain : Grain;

    void Post<TGrain>(GrainId target, Func<TGrain, ValueTask> call)
        where TGrain : Grain;
}
