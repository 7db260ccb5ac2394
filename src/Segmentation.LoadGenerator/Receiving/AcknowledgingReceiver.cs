using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Segmentation.LoadGenerator.Receiving;

/// <summary>
/// A stand-in for the silo that only acknowledges: it listens on 127.0.0.1, reads each <c>/v1/batch</c> body,
/// counts requests, bytes and events (occurrences of <c>"messageId"</c>) and answers 200, or 429 with Retry-After
/// for every n-th request when asked to. Used to measure the generator alone.
/// </summary>
public sealed class AcknowledgingReceiver : IAsyncDisposable
{
    private static readonly byte[] MessageIdKey = "\"messageId\""u8.ToArray();
    private static readonly byte[] Ok = """{"success":true}"""u8.ToArray();

    private readonly WebApplication _app;
    private readonly int _throttleEvery;
    private readonly int _retryAfterSeconds;
    private long _requests;
    private long _events;
    private long _bytes;
    private long _throttled;

    private AcknowledgingReceiver(WebApplication app, int throttleEvery, int retryAfterSeconds)
    {
        _app = app;
        _throttleEvery = throttleEvery;
        _retryAfterSeconds = retryAfterSeconds;
    }

    /// <summary>The base URL to point the load generator at.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Cancelled when the host is asked to stop (e.g. SIGTERM through its console lifetime).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Events in acknowledged requests.</summary>
    public long Events => Interlocked.Read(ref _events);

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/> (0 for any free port).</summary>
    public static async Task<AcknowledgingReceiver> StartAsync(int port, int throttleEvery, int retryAfterSeconds, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
        });
        var app = builder.Build();
        var receiver = new AcknowledgingReceiver(app, throttleEvery, retryAfterSeconds);
        app.MapPost("/v1/batch", receiver.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = new Uri(address);
        return receiver;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _requests);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(context.Request.ContentLength ?? 64 * 1024, 16 * 1024 * 1024) + 1);
        var length = 0;
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            Interlocked.Add(ref _bytes, length);
            if (_throttleEvery > 0 && number % _throttleEvery == 0)
            {
                Interlocked.Increment(ref _throttled);
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = _retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return;
            }

            Interlocked.Add(ref _events, CountEvents(buffer.AsSpan(0, length)));
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Ok, context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int CountEvents(ReadOnlySpan<byte> body)
    {
        var count = 0;
        int index;
        while ((index = body.IndexOf(MessageIdKey)) >= 0)
        {
            count++;
            body = body[(index + MessageIdKey.Length)..];
        }

        return count;
    }
}
