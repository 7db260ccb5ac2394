using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Silo.Tests.Management;
using Segmentation.TestKit;

namespace Segmentation.Silo.Tests.Sends;

/// <summary>
/// The silo in memory with a management key, a fake clock at <see cref="Now"/>, and delivery to an <see cref="EspStub"/>
/// (one attempt per send, so a 5xx dead-letters at once). Sends go in through <see cref="OutboxDirectory"/>, as the
/// triggers append them, named after no trigger of the catalog, so that the trigger send guard lets them through (its
/// checks are tested with the triggers); the send log is read over HTTP.
/// </summary>
public sealed class SendsTestSilo : IAsyncDisposable
{
    public const string Key = "sends-tests-management-key-0001-abcdefghij";
    public const string KeyName = "sends-tests";
    public const string Secret = "whsec_Y4lqNKFNv9okLA85QiCk86ICB8awP3fL0rpxoPWoMQs=";

    /// <summary>The fake clock's time.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private SendsTestSilo(SiloApplicationFactory factory, HttpClient client, EspStub esp)
    {
        Factory = factory;
        Client = client;
        Esp = esp;
    }

    public SiloApplicationFactory Factory { get; }

    /// <summary>A client without credentials.</summary>
    public HttpClient Client { get; }

    public EspStub Esp { get; }

    public OutboxDirectory Outbox => Factory.Services.GetRequiredService<OutboxDirectory>();

    public static async Task<SendsTestSilo> StartAsync(CancellationToken cancellationToken)
    {
        var esp = await EspStub.StartAsync();
        var factory = new SiloApplicationFactory()
            .WithSetting("Segmentation:Management:ApiKeys:0:Name", KeyName)
            .WithSetting("Segmentation:Management:ApiKeys:0:Key", Key)
            .WithSetting("Segmentation:Management:ApiKeys:0:Revoked", "false")
            .WithSetting("Segmentation:Delivery:EndpointUrl", esp.Url.ToString())
            .WithSetting("Segmentation:Delivery:SigningSecret", Secret)
            .WithSetting("Segmentation:Delivery:MaxAttempts", "1")
            .WithServices(static services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        var client = factory.CreateClient();
        await factory.Silo.WhenReadyAsync().WaitAsync(cancellationToken);
        return new SendsTestSilo(factory, client, esp);
    }

    /// <summary>A send intent of <paramref name="customerId"/> as the triggers make it.</summary>
    public static SendIntent Intent(string customerId, string trigger, string occurrenceKey, double minutesAgo) => SendIntent.Create(
        customerId,
        trigger,
        occurrenceKey,
        SendKind.Marketing,
        Now.AddMinutes(-minutesAgo),
        "d-template",
        SendPayload.For(new SendRecipient("ada@example.com", "Ada")));

    /// <summary>Appends the intents and waits until each send is finished (delivered, failed, dead-lettered or skipped).</summary>
    public async Task SendAsync(CancellationToken cancellationToken, params SendIntent[] intents)
    {
        await Outbox.AppendAsync(intents, cancellationToken);
        foreach (var intent in intents)
        {
            await WaitForAsync(intent.SendId, static s => s.Status != SendStatus.Pending, cancellationToken);
        }
    }

    /// <summary>Waits, on the send log's change signal, until the send exists and satisfies <paramref name="condition"/>.</summary>
    public async Task<SendRecord> WaitForAsync(string sendId, Func<SendRecord, bool> condition, CancellationToken cancellationToken)
    {
        var signal = Factory.Services.GetRequiredService<OutboxSignal>();
        while (true)
        {
            var changed = signal.NextChangeAsync();
            if (await Outbox.GetAsync(sendId, cancellationToken) is { } send && condition(send))
            {
                return send;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>A request with the management key (or <paramref name="key"/>; none when null).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, CancellationToken cancellationToken, string? key = Key)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await Client.SendAsync(request, cancellationToken);
    }

    /// <summary>A request expecting <paramref name="status"/>, and its JSON body.</summary>
    public async Task<JsonElement> ExpectAsync(HttpMethod method, string path, HttpStatusCode status, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, cancellationToken);
        var body = await ManagementHttp.ReadJsonAsync(response, cancellationToken);
        Assert.True(response.StatusCode == status, $"{method} {path} answered {(int)response.StatusCode}, expected {(int)status}: {body}");
        return body;
    }

    public Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken) =>
        ExpectAsync(HttpMethod.Get, path, HttpStatusCode.OK, cancellationToken);

    public static string[] Ids(JsonElement page) =>
        [.. page.GetProperty("sends").EnumerateArray().Select(static s => s.GetProperty("id").GetString()!)];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Esp.DisposeAsync();
    }
}
