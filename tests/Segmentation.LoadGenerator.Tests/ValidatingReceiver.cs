using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Segmentation.TestKit;
using Segmentation.Tracking;

namespace Segmentation.LoadGenerator.Tests;

/// <summary>
/// A minimal Kestrel receiver on 127.0.0.1:0 standing in for the silo: checks the write key, parses every body with the
/// silo's tracking parser, answers every <c>throttleEvery</c>-th request 429 with <c>Retry-After: 0</c> (without
/// keeping its events) and the others 200, and keeps what it accepted.
/// </summary>
internal sealed class ValidatingReceiver : IAsyncDisposable
{
    public const string WriteKey = "loadgen-test-key";

    private readonly int _throttleEvery;
    private readonly TrackingRequestParser _parser = new();
    private LoopbackServer _server = null!;
    private int _requests;
    private int _throttled;

    private ValidatingReceiver(int throttleEvery) => _throttleEvery = throttleEvery;

    public Uri BaseUrl => _server.Address;

    public ConcurrentDictionary<string, int> MessageIds { get; } = new();

    public ConcurrentQueue<string> Problems { get; } = new();

    public int Requests => Volatile.Read(ref _requests);

    public int Throttled => Volatile.Read(ref _throttled);

    public int AcceptedEvents => MessageIds.Values.Sum();

    public static async Task<ValidatingReceiver> StartAsync(int throttleEvery)
    {
        var receiver = new ValidatingReceiver(throttleEvery);
        receiver._server = await LoopbackServer.StartAsync(app => app.MapPost("/v1/batch", receiver.HandleAsync));
        return receiver;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _requests);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var expected = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(WriteKey + ":"));
        if (context.Request.Headers.Authorization != expected)
        {
            Problems.Enqueue($"request {number}: authorization {context.Request.Headers.Authorization}");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (number % _throttleEvery == 0)
        {
            Interlocked.Increment(ref _throttled);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "0";
            return;
        }

        var result = _parser.Parse(body.ToArray(), TrackingEndpoint.Batch, DateTimeOffset.UtcNow);
        if (!result.IsAccepted || result.Rejections.Count > 0)
        {
            Problems.Enqueue($"request {number}: {result.Error} {string.Join("; ", result.Rejections)}");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        foreach (var accepted in result.Accepted)
        {
            MessageIds.AddOrUpdate(accepted.Message.MessageId, 1, (_, count) => count + 1);
        }

        await context.Response.WriteAsJsonAsync(new { success = true });
    }
}
