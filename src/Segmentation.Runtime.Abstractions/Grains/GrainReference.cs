namespace Segmentation.Runtime;

/// <summary>
/// A handle to a grain, valid whether or not it is active. Calls run as turns of the activation, one at a time;
/// request/response calls fail with <see cref="TimeoutException"/> after the configured response timeout.
/// </summary>
public readonly struct GrainReference<TGrain> : IEquatable<GrainReference<TGrain>>
    where TGrain : Grain
{
    private readonly IGrainCallInvoker _invoker;

    public GrainReference(GrainId id, IGrainCallInvoker invoker)
    {
        Id = id;
        _invoker = invoker;
    }

    public GrainId Id { get; }

    /// <summary>Request/response: runs <paramref name="call"/> as an exclusive turn and returns its result.</summary>
    public ValueTask<TResult> InvokeAsync<TResult>(
        Func<TGrain, ValueTask<TResult>> call, CancellationToken cancellationToken = default) =>
        _invoker.InvokeAsync(Id, call, readOnly: false, cancellationToken);

    /// <summary>Request/response without a result.</summary>
    public async ValueTask InvokeAsync(Func<TGrain, ValueTask> call, CancellationToken cancellationToken = default) =>
        await _invoker.InvokeAsync<TGrain, bool>(
            Id,
            async grain =>
            {
                await call(grain);
                return true;
            },
            readOnly: false,
            cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A read-only call (Orleans' <c>[ReadOnly]</c>): may interleave with other read-only calls, never with an
    /// exclusive turn. It must not change the grain's state.
    /// </summary>
    public ValueTask<TResult> InvokeReadOnlyAsync<TResult>(
        Func<TGrain, ValueTask<TResult>> call, CancellationToken cancellationToken = default) =>
        _invoker.InvokeAsync(Id, call, readOnly: true, cancellationToken);

    /// <summary>One-way: queues the call and returns at once. Failures are logged by the runtime, not returned.</summary>
    public void Post(Func<TGrain, ValueTask> call) => _invoker.Post(Id, call);

    public bool Equals(GrainReference<TGrain> other) => Id.Equals(other.Id);

    public override bool Equals(object? obj) => obj is GrainReference<TGrain> other && Equals(other);

    public override int GetHashCode() => Id.GetHashCode();

    public static bool operator ==(GrainReference<TGrain> left, GrainReference<TGrain> right) => left.Equals(right);

    public static bool operator !=(GrainReference<TGrain> left, GrainReference<TGrain> right) => !left.Equals(right);

    public override string ToString() => Id.ToString();
}
