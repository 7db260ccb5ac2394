using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Segmentation.TestKit.Esp;

/// <summary>
/// A real HTTP receiver standing in for the ESP: Kestrel on 127.0.0.1 (port 0 unless given) inside the test. It keeps
/// every request (headers and exact body, stamped with the given clock, a <see cref="FakeTimeProvider"/> where the test
/// drives time) and answers as scripted: the first request of a send id with what <see cref="FirstAnswer"/> set for it,
/// others from a queue of answers, then 200 or what <see cref="Script"/> set. Tests wait for the n-th request; the
/// receiver also counts requests in flight at once.
/// </summary>
public sealed class EspReceiver : IAsyncDisposable
{
    public const string Path = "/esp/sends";

    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private readonly List<ReceivedRequest> _requests = [];
    private readonly Queue<ReceiverAnswer> _script = new();
    private readonly Dictionary<string, ReceiverAnswer> _firstAnswers = new(StringComparer.Ordinal);
    private readonly List<(int Count, TaskCompletionSource<ReceivedRequest> Done)> _waiters = [];
    private ReceiverAnswer _otherwise = ReceiverAnswer.Ok;
    private int _inFlight;
    private LoopbackServer _server = null!;

    private EspReceiver(TimeProvider clock) => _clock = clock;

    public Uri Url { get; private set; } = null!;

    public int Port => Url.Port;

    /// <summary>The most requests that were in flight at once.</summary>
    public int MaxInFlight { get; private set; }

    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<EspReceiver> StartAsync(TimeProvider clock, int port = 0)
    {
        var receiver = new EspReceiver(clock);
        receiver._server = await LoopbackServer.StartAsync(app => app.Run(receiver.HandleAsync), port);
        receiver.Url = new Uri(receiver._server.Address, Path);
        return receiver;
    }

    /// <summary>The next requests get these answers in order; later ones get <paramref name="otherwise"/> (200 when null).</summary>
    public void Script(ReceiverAnswer? otherwise, params ReceiverAnswer[] answers)
    {
        lock (_lock)
        {
            _script.Clear();
            foreach (var answer in answers)
            {
                _script.Enqueue(answer);
            }

            _otherwise = otherwise ?? ReceiverAnswer.Ok;
        }
    }

    /// <summary>Completes when the <paramref name="number"/>-th request (1 for the first) has arrived, returning it.</summary>
    public Task<ReceivedRequest> WaitForRequestAsync(int number, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_requests.Count >= number)
            {
                return Task.FromResult(_requests[number - 1]);
            }

            var done = new TaskCompletionSource<ReceivedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((number, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The first request whose <c>webhook-id</c> is <paramref name="webhookId"/> gets <paramref name="answer"/>, ahead of
    /// the scripted queue; later ones with that id are answered as the others are.
    /// </summary>
    public void FirstAnswer(string webhookId, ReceiverAnswer answer)
    {
        lock (_lock)
        {
            _firstAnswers[webhookId] = answer;
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(static h => h.Key.ToLowerInvariant(), static h => h.Value.ToString(), StringComparer.Ordinal);
        ReceiverAnswer answer;
        ReceivedRequest request;
        lock (_lock)
        {
            request = new ReceivedRequest(_requests.Count + 1, context.Request.Path, headers, body.ToArray(), _clock.GetUtcNow());
            _requests.Add(request);
            answer = headers.TryGetValue("webhook-id", out var id) && _firstAnswers.Remove(id, out var first) ? first
                : _script.Count > 0 ? _script.Dequeue()
                : _otherwise;
            _inFlight++;
            MaxInFlight = Math.Max(MaxInFlight, _inFlight);
            foreach (var waiter in _waiters.Where(w => w.Count <= _requests.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(_requests[waiter.Count - 1]);
            }
        }

        try
        {
            await AnswerAsync(context, answer);
        }
        finally
        {
            lock (_lock)
            {
                _inFlight--;
            }
        }
    }

    private static async Task AnswerAsync(HttpContext context, ReceiverAnswer answer)
    {
        try
        {
            if (answer.Hang)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            }

            if (answer.Gate is { } gate)
            {
                await gate.WaitAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        context.Response.StatusCode = answer.StatusCode;
        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Body is { } text)
        {
            await context.Response.WriteAsync(text, context.RequestAborted);
        }
    }
}
