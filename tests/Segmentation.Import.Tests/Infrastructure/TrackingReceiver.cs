using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Segmentation.TestKit;
using Segmentation.Tracking;

namespace Segmentation.Import.Tests.Infrastructure;

/// <summary>
/// A minimal Kestrel stand-in for the silo's <c>POST /v1/batch</c>: checks the write key (HTTP Basic), un-gzips,
/// parses the body with the product's own <see cref="TrackingRequestParser"/>, hands the accepted messages to a
/// callback (e.g. a test silo's customer directory) and records every request. Scripted answers can be queued to
/// simulate an overloaded or failing API.
/// </summary>
internal sealed class TrackingReceiver : IAsyncDisposable
{
    public const string WriteKey = "import-test-key";

    private readonly TrackingRequestParser _parser = new();
    private readonly Func<IReadOnlyList<TrackingMessage>, Task> _onAccepted;
    private readonly ConcurrentQueue<(int Status, string? Body, string? RetryAfter)> _scripted = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private LoopbackServer _server = null!;

    private TrackingReceiver(Func<IReadOnlyList<TrackingMessage>, Task> onAccepted) => _onAccepted = onAccepted;

    public Uri Endpoint => _server.Address;

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    public IReadOnlyList<TrackingMessage> Accepted => _requests.SelectMany(request => request.Accepted).ToArray();

    public static async Task<TrackingReceiver> StartAsync(Func<IReadOnlyList<TrackingMessage>, Task>? onAccepted = null)
    {
        var receiver = new TrackingReceiver(onAccepted ?? (_ => Task.CompletedTask));
        receiver._server = await LoopbackServer.StartAsync(app => app.MapPost("/v1/batch", receiver.HandleAsync));
        return receiver;
    }

    /// <summary>Answers the next request with <paramref name="status"/> instead of handling it.</summary>
    public void Script(int status, string? body = null, string? retryAfter = null) => _scripted.Enqueue((status, body, retryAfter));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var gzip = context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        var authorized = context.Request.Headers.Authorization.ToString() ==
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":"));
        ReadOnlyMemory<byte> body = buffer.ToArray();
        if (gzip)
        {
            body = GzipBodyDecoder.Decompress(body, new TrackingLimits().MaxRequestBytes).Body;
        }

        var request = new ReceivedRequest(gzip, authorized, HasSentAt(body));
        _requests.Enqueue(request);
        if (_scripted.TryDequeue(out var scripted))
        {
            if (scripted.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = scripted.RetryAfter;
            }

            await Results.Text(scripted.Body ?? "{}", "application/json", statusCode: scripted.Status).ExecuteAsync(context);
            return;
        }

        if (!authorized)
        {
            await Results.Json(new { error = new { code = "invalid_write_key" } }, statusCode: 401).ExecuteAsync(context);
            return;
        }

        var parsed = _parser.Parse(body, TrackingEndpoint.Batch, DateTimeOffset.UtcNow);
        if (parsed.Error is { } error)
        {
            await Results.Json(new { error = new { code = error.Code, message = error.Message } }, statusCode: 400).ExecuteAsync(context);
            return;
        }

        var messages = parsed.Accepted.Select(accepted => accepted.Message).ToList();
        request.Accepted.AddRange(messages);
        await _onAccepted(messages);
        var rejections = parsed.Rejections.Select(rejection => new { index = rejection.Index, code = rejection.Code });
        await Results.Json(new { success = true, rejections }).ExecuteAsync(context);
    }

    private static bool HasSentAt(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonNode.Parse(body.Span) is JsonObject root && root.ContainsKey("sentAt");
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
