using System.Collections.Concurrent;

namespace Segmentation.Runtime.Tests.Grains;

/// <summary>A per-silo service the test grains report to, and the gates tests hold them at.</summary>
public sealed class GrainProbe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _reached = new();
    private readonly List<(string Prefix, int Count, TaskCompletionSource Completion)> _waiters = [];
    private int _inside;
    private int _maxInside;

    public ConcurrentQueue<string> Events { get; } = new();

    public int MaxConcurrentTurns => Volatile.Read(ref _maxInside);

    public int Count(string prefix) => Events.Count(e => e.StartsWith(prefix, StringComparison.Ordinal));

    public void Record(string text)
    {
        Events.Enqueue(text);
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => Count(w.Prefix) >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Completion.TrySetResult();
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> events starting with <paramref name="prefix"/> were recorded.</summary>
    public Task WhenCountAsync(string prefix, int count)
    {
        lock (_waiters)
        {
            if (Count(prefix) >= count)
            {
                return Task.CompletedTask;
            }

            var waiter = (prefix, count, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiters.Add(waiter);
            return waiter.Item3.Task;
        }
    }

    public void Enter()
    {
        var inside = Interlocked.Increment(ref _inside);
        int max;
        while (inside > (max = Volatile.Read(ref _maxInside)) && Interlocked.CompareExchange(ref _maxInside, inside, max) != max)
        {
        }
    }

    public void Leave() => Interlocked.Decrement(ref _inside);

    /// <summary>Waits at the gate; tells the test it got there.</summary>
    public Task WaitAtGateAsync(string gate)
    {
        Reached(gate).TrySetResult();
        return Gate(gate).Task;
    }

    public Task WhenReachedAsync(string gate) => Reached(gate).Task;

    public void Open(string gate) => Gate(gate).TrySetResult();

    /// <summary>Closes the gate again, for a probe shared by a silo and the next one on the same storage.</summary>
    public void Close(string gate)
    {
        _gates[gate] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _reached[gate] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private TaskCompletionSource Gate(string gate) =>
        _gates.GetOrAdd(gate, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private TaskCompletionSource Reached(string gate) =>
        _reached.GetOrAdd(gate, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
