using Segmentation.LoadGenerator.Sending;
using Segmentation.TestKit;

namespace Segmentation.LoadGenerator.Tests;

/// <summary>A sink that records every call with the fake clock's time and answers as scripted, or holds answers back.</summary>
internal sealed class ScriptedSink(FakeTimeProvider time) : IEventSink
{
    private readonly DateTimeOffset _start = time.GetUtcNow();
    private readonly Lock _lock = new();
    private readonly List<SinkCall> _calls = [];
    private readonly List<TaskCompletionSource<SinkResponse>> _held = [];
    private int _inFlight;

    /// <summary>The answer to call number n (0-based); 200 by default.</summary>
    public Func<int, SinkResponse> Respond { get; set; } = _ => SinkResponse.Ok;

    /// <summary>When true, calls stay unanswered until <see cref="Complete"/> or cancellation.</summary>
    public bool Hold { get; set; }

    public string Description => "scripted";

    public int MaxInFlight { get; private set; }

    public IReadOnlyList<SinkCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public int HeldCount
    {
        get
        {
            lock (_lock)
            {
                return _held.Count;
            }
        }
    }

    public ValueTask<SinkResponse> SendAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        int index;
        lock (_lock)
        {
            index = _calls.Count;
            _calls.Add(new SinkCall(time.GetUtcNow() - _start, batch.EventCount, batch.FirstSequence));
            MaxInFlight = Math.Max(MaxInFlight, ++_inFlight);
        }

        if (!Hold)
        {
            Done();
            return ValueTask.FromResult(Respond(index));
        }

        var answer = new TaskCompletionSource<SinkResponse>();
        cancellationToken.Register(() => answer.TrySetCanceled(cancellationToken));
        lock (_lock)
        {
            _held.Add(answer);
        }

        return new ValueTask<SinkResponse>(Wait(answer));
    }

    /// <summary>Answers the oldest held call.</summary>
    public void Complete(SinkResponse response)
    {
        TaskCompletionSource<SinkResponse> answer;
        lock (_lock)
        {
            answer = _held[0];
            _held.RemoveAt(0);
        }

        answer.TrySetResult(response);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<SinkResponse> Wait(TaskCompletionSource<SinkResponse> answer)
    {
        try
        {
            return await answer.Task.ConfigureAwait(false);
        }
        finally
        {
            Done();
        }
    }

    private void Done()
    {
        lock (_lock)
        {
            _inFlight--;
        }
    }
}
