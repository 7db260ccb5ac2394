using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Segmentation.Delivery.Dispatch;
using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Silo.Tests.Management;
using Segmentation.TestKit;
using Segmentation.TestKit.Esp;

namespace Segmentation.Silo.Tests.Sends;

/// <summary>
/// The silo in memory with a management key, a fake clock at <see cref="ApiTestSilo.Now"/>, and delivery to an
/// <see cref="EspReceiver"/> (one attempt per send, so a 5xx dead-letters at once) behind the guard that allows everything.
/// Sends go in through <see cref="OutboxDirectory"/>, as the triggers append them; the send log is read over HTTP.
/// </summary>
public sealed class SendsTestSilo : ApiTestSilo
{
    public const string Secret = "whsec_Y4lqNKFNv9okLA85QiCk86ICB8awP3fL0rpxoPWoMQs=";

    private SendsTestSilo(SiloApplicationFactory factory, FakeTimeProvider clock, EspReceiver esp)
        : base(factory, clock)
    {
        Esp = esp;
    }

    public EspReceiver Esp { get; }

    public OutboxDirectory Outbox => Factory.Services.GetRequiredService<OutboxDirectory>();

    public static async Task<SendsTestSilo> StartAsync(CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(Now);
        var esp = await EspReceiver.StartAsync(clock);
        var factory = CreateFactory(clock)
            .WithSetting("Segmentation:Delivery:EndpointUrl", esp.Url.ToString())
            .WithSetting("Segmentation:Delivery:SigningSecret", Secret)
            .WithSetting("Segmentation:Delivery:MaxAttempts", "1")
            .WithServices(static services =>
            {
                // These tests append intents for customers without profiles to test delivery and the send log; the
                // triggers' guard would skip them (their condition cannot hold), so they use the guard that allows all.
                services.RemoveAll<ISendGuard>();
                services.AddSingleton<ISendGuard, AllowAllSendGuard>();
            });
        return await ReadyAsync(new SendsTestSilo(factory, clock, esp), cancellationToken);
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

    public static string[] Ids(JsonElement page) =>
        [.. page.GetProperty("sends").EnumerateArray().Select(static s => s.GetProperty("id").GetString()!)];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Esp.DisposeAsync();
    }
}
