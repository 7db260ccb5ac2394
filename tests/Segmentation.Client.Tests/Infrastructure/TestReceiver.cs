using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Segmentation.TestKit;

namespace Segmentation.Client.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on a free loopback port standing in for the tracking API. It records every request
/// (headers and decompressed body) and answers from a script, or 200 when the script is empty.
/// </summary>
public sealed class TestReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private LoopbackServer _server = null!;

    private TestReceiver()
    {
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _server.Address;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<TestReceiver> StartAsync()
    {
        var receiver = new TestReceiver();
        receiver._server = await LoopbackServer.StartAsync(app => app.Run(receiver.HandleAsync)).Guarded();
        return receiver;
    }

    /// <summary>Queues answers for the next requests, in order.</summary>
    public void Script(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> requests have been recorded.</summary>
    public Task WaitForRequestsAsync(int count)
    {
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task.Guarded();
        }
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync().Guarded();

    private async Task HandleAsync(HttpContext context)
    {
        using var raw = new MemoryStream();
        await context.Request.Body.CopyToAsync(raw, context.RequestAborted);
        var rawBody = raw.ToArray();
        var headers = context.Request.Headers.ToDictionary(
            h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var gzip = headers.TryGetValue("Content-Encoding", out var encoding) && encoding == "gzip";
        var body = Encoding.UTF8.GetString(gzip ? Gunzip(rawBody) : rawBody);
        Record(new RecordedRequest(context.Request.Method, context.Request.Path, headers, rawBody, body));

        var response = _script.TryDequeue(out var scripted) ? scripted : ScriptedResponse.Ok;
        if (response.Hang)
        {
            var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (context.RequestAborted.Register(() => aborted.TrySetResult()))
            {
                await aborted.Task;
            }

            return;
        }

        context.Response.StatusCode = response.StatusCode;
        if (response.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = response.RetryAfter;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }
    }

    private void Record(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
            foreach (var waiter in _waiters.Where(w => _requests.Count >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
