using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Segmentation.Tracking;

namespace Segmentation.Performance.Baseline;

/// <summary>
/// The baseline behind the same tracking API as the silo: <c>POST /v1/batch</c> (HTTP Basic write key) parses the
/// Segment batch with the silo's parser and applies every event in a transaction of its own
/// (<see cref="BaselineStore"/>), answering 200 once all are committed; a <see cref="SegmentRefresher"/> recomputes
/// the segment counts on its interval. <c>GET /segments</c> gives the last refresh's counts with the refreshes done so
/// far (<see cref="BaselineStatus"/>), <c>/segments/{id}</c> one count,
/// <c>GET /health</c> answers 200. Listens on 127.0.0.1 only.
/// </summary>
public sealed class BaselineServer : IAsyncDisposable
{
    private static readonly byte[] Ok = """{"success":true}"""u8.ToArray();

    private readonly WebApplication _app;
    private readonly NpgsqlDataSource _dataSource;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TrackingRequestParser _parser = new();
    private readonly string _authorization;
    private Task _refreshing = Task.CompletedTask;

    private BaselineServer(WebApplication app, NpgsqlDataSource dataSource, BaselineServerOptions options)
    {
        _app = app;
        _dataSource = dataSource;
        _authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(options.WriteKey + ":"));
        Store = new BaselineStore(dataSource);
        Refresher = new SegmentRefresher(dataSource, TimeProvider.System);
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public BaselineStore Store { get; }

    public SegmentRefresher Refresher { get; }

    /// <summary>Creates the tables, starts listening and starts the scheduled refresh.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static async Task<BaselineServer> StartAsync(BaselineServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var connection = new NpgsqlConnectionStringBuilder(options.ConnectionString) { MaxPoolSize = options.MaxConnections, MaxAutoPrepare = 8 };
        var dataSource = NpgsqlDataSource.Create(connection.ConnectionString);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var server = new BaselineServer(builder.Build(), dataSource, options);
        await server.Store.CreateSchemaAsync(cancellationToken).ConfigureAwait(false);
        server.Map();
        await server._app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        server._refreshing = server.Refresher.RunAsync(options.RefreshInterval, server._stopping.Token);
        return server;
    }

    private void Map()
    {
        _app.MapPost("/v1/batch", HandleBatchAsync);
        _app.MapGet("/health", static () => Results.Ok());
        _app.MapGet("/segments", () => Results.Json(new BaselineStatus(Refresher.Current, Refresher.Refreshes, Refresher.Longest.TotalMilliseconds)));
        _app.MapGet("/segments/{id}", (string id) => Refresher.Current.Counts.TryGetValue(id, out var count)
            ? Results.Json(new { id, count })
            : Results.NotFound());
    }

    private async Task HandleBatchAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization != _authorization)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var receivedAt = TimeProvider.System.GetUtcNow();
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var result = _parser.Parse(body.GetBuffer().AsMemory(0, (int)body.Length), TrackingEndpoint.Batch, receivedAt);
        if (result.Error is { } error)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync(error.Message, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await Store.ApplyAsync([.. result.Accepted.Select(static a => a.Message)], context.RequestAborted).ConfigureAwait(false);
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Ok, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Stops listening and refreshing.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _refreshing.ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
