using Segmentation.Delivery.Dispatch;
using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;
using Segmentation.Domain.Triggers;
using Segmentation.Grains.Customers;
using Segmentation.Runtime;

namespace Segmentation.Grains.Triggers;

/// <summary>
/// The guardrails again, just before every dispatch attempt of a trigger's send: the customer grain says whether the
/// trigger is still enabled, consent and suppression allow the send and the occurrence still holds (the cart was not
/// bought, the customer is still inactive...); marketing sends then pass the frequency cap (the customer's marketing
/// sends delivered in the last 24 hours, from the outbox) and wait for the end of quiet hours in the customer's time
/// zone (a delay, never a drop). Sends of names that are no trigger are allowed.
/// </summary>
public sealed class TriggerSendGuard(IClusterClient client, OutboxDirectory outbox, TriggerSettingsCache settings) : ISendGuard
{
    /// <summary>The delay reason of quiet hours.</summary>
    public const string QuietHoursReason = "quiet_hours";

    private static readonly TimeSpan FrequencyCapSpan = TimeSpan.FromHours(24);

    public async ValueTask<SendGuardDecision> CheckAsync(SendGuardContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var send = context.Send;
        if (!TriggerNames.IsKnown(send.Trigger))
        {
            return SendGuardDecision.Allow;
        }

        await settings.EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        var guardrails = settings.Current!.Guardrails;
        var check = await client.GetGrain<CustomerGrain>(send.CustomerId)
            .InvokeReadOnlyAsync(g => g.CheckSendAsync(send.Trigger, send.OccurrenceKey), cancellationToken).ConfigureAwait(false);
        if (check.SkipReason is { } reason)
        {
            return SendGuardDecision.Skip(new SendSkipReason(reason));
        }

        if (send.Kind != SendKind.Marketing)
        {
            return SendGuardDecision.Allow;
        }

        if (guardrails.FrequencyCap > 0)
        {
            var sends = await outbox.GetCustomerSendsAsync(send.CustomerId, cancellationToken).ConfigureAwait(false);
            var from = context.Now - FrequencyCapSpan;
            var delivered = sends.Count(s => s.SendId != send.SendId && s.Kind == SendKind.Marketing
                && s.DeliveredAt is { } at && at > from && at <= context.Now);
            if (TriggerGuardrailChecks.CapReached(delivered, guardrails.FrequencyCap))
            {
                return SendGuardDecision.Skip(new SendSkipReason(SendSkipReasons.FrequencyCap));
            }
        }

        var zone = TimeZones.TryFind(check.TimeZoneId, out var found) ? found : settings.Current.DefaultZone;
        return QuietHours.EndOf(context.Now, zone, guardrails.QuietHoursStart, guardrails.QuietHoursEnd) is { } until
            ? SendGuardDecision.Delay(until, QuietHoursReason)
            : SendGuardDecision.Allow;
    }
}
