using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Segmentation.Silo.Tests.Sends;

/// <summary>
/// A real HTTP endpoint standing in for the ESP (Kestrel on 127.0.0.1, port 0): answers each send with the status the
/// test set for its id (200 by default, then 200 for later posts of that id) and keeps the ids it received, in order.
/// </summary>
public sealed class EspStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _received = new();
    private readonly ConcurrentDictionary<string, int> _firstAnswer = new(StringComparer.Ordinal);

    private EspStub(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<string> ReceivedIds => [.. _received];

    public static async Task<EspStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(static options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new EspStub(app);
        app.Run(stub.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        stub.Url = new Uri(new Uri(address), "/esp/sends");
        return stub;
    }

    /// <summary>The first post of <paramref name="sendId"/> gets <paramref name="status"/>; later ones get 200.</summary>
    public void FirstAnswer(string sendId, int status) => _firstAnswer[sendId] = status;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task AnswerAsync(HttpContext context)
    {
        var id = context.Request.Headers["webhook-id"].ToString();
        _received.Enqueue(id);
        context.Response.StatusCode = _firstAnswer.TryRemove(id, out var status) ? status : StatusCodes.Status200OK;
        return Task.CompletedTask;
    }
}
