using Microsoft.Extensions.DependencyInjection;
using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;

namespace Segmentation.Dashboard.Tests.Infrastructure;

/// <summary>
/// Makes sends in the silo's outbox as a trigger would (through <see cref="OutboxDirectory"/>) and waits for the send
/// log on its change signal, never on elapsed time.
/// </summary>
public sealed class SendLogDriver(DashboardSilo silo)
{
    public OutboxDirectory Outbox { get; } = silo.Services.GetRequiredService<OutboxDirectory>();

    private OutboxSignal Signal { get; } = silo.Services.GetRequiredService<OutboxSignal>();

    /// <summary>A customer id of this test only.</summary>
    public static string NewCustomerId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..12]}";

    /// <summary>A cart abandonment send to <paramref name="customerId"/>, decided now; durable when this returns.</summary>
    public async Task<SendIntent> SendAsync(string customerId, string trigger = "cart_abandonment")
    {
        var payload = SendPayload.For(new SendRecipient($"{customerId}@example.com", "Ada"));
        var intent = SendIntent.Create(customerId, trigger, Guid.NewGuid().ToString("N"), SendKind.Marketing, DateTimeOffset.UtcNow, "d-cart-1", payload);
        await Outbox.AppendAsync([intent]);
        return intent;
    }

    /// <summary>A send decided against with <paramref name="reason"/>, now; durable when this returns.</summary>
    public async Task<SendSkip> SkipAsync(string customerId, SendSkipReason reason, string trigger = "browse_abandonment")
    {
        var skip = SendSkip.Create(customerId, trigger, Guid.NewGuid().ToString("N"), SendKind.Marketing, DateTimeOffset.UtcNow, reason);
        await Outbox.AppendSkipsAsync([skip]);
        return skip;
    }

    /// <summary>Waits until the send is in <paramref name="status"/>; fails after <see cref="DashboardPage.Patience"/>.</summary>
    public async Task<SendRecord> WaitForStatusAsync(string sendId, SendStatus status)
    {
        using var patience = new CancellationTokenSource(DashboardPage.Patience);
        while (true)
        {
            var changed = Signal.NextChangeAsync();
            if (await Outbox.GetAsync(sendId, patience.Token) is { } send && send.Status == status)
            {
                return send;
            }

            await changed.WaitAsync(patience.Token);
        }
    }
}
