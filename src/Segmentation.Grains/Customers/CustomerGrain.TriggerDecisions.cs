using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;
using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Settings;
using Segmentation.Grains.Triggers;

namespace Segmentation.Grains.Customers;

// Deciding one due occurrence, inside a log-fed turn and as of the record's instant (the policies pass over what was
// due too long ago): skipped with a reason (disabled, consent, suppression, cooldown, frequency cap), deferred to the end of
// quiet hours, or sent. Every outcome goes into the ledger, so nothing is decided twice; a replay appends the same
// intent or skip again (same send id), which the outbox ignores.
public sealed partial class CustomerGrain
{
    /// <summary>The span of the frequency cap.</summary>
    private static readonly TimeSpan FrequencyCapSpan = TimeSpan.FromHours(24);

    /// <summary>How many recently viewed products are searched for the browsed product of a send.</summary>
    private const int BrowsedProductSearchLimit = 100;

    private void DecideTrigger(TriggerDue due, TriggerSettings trigger, TriggerSettingsSet settings, TriggerContext context)
    {
        var asOf = context.AsOf;
        var guardrails = settings.Guardrails;
        var reason = !trigger.Enabled ? SendSkipReasons.TriggerDisabled : TriggerGuardrailChecks.ConsentSkipReason(_state.Profile);
        if (reason is null && context.Ledger.InCooldown(due, trigger.Cooldown, asOf))
        {
            reason = SendSkipReasons.Cooldown;
        }

        if (reason is null && TriggerGuardrailChecks.CapReached(context.Ledger.SentWithin(FrequencyCapSpan, asOf), guardrails.FrequencyCap))
        {
            reason = SendSkipReasons.FrequencyCap;
        }

        if (reason is not null)
        {
            SkipTrigger(due, reason, context);
            return;
        }

        if (QuietHours.EndOf(asOf, context.Zone, guardrails.QuietHoursStart, guardrails.QuietHoursEnd) is { } until)
        {
            context.Ledger.Defer(due, until);
            return;
        }

        if (BuildTriggerPayload(due, asOf) is not { } payload)
        {
            SkipTrigger(due, SendSkipReasons.NoEmail, context);
            return;
        }

        var intent = SendIntent.Create(GrainId.Key, due.Trigger, due.OccurrenceKey, SendKind.Marketing, asOf, due.TemplateId, payload);
        AppendDurable(OutboxMessages.Intent(intent));
        context.Ledger.Record(Decision(due, asOf, TriggerOutcome.Sent));
    }

    private void SkipTrigger(TriggerDue due, string reason, TriggerContext context)
    {
        var skip = SendSkip.Create(GrainId.Key, due.Trigger, due.OccurrenceKey, SendKind.Marketing, context.AsOf, new SendSkipReason(reason));
        AppendDurable(OutboxMessages.Skip(skip));
        context.Ledger.Record(Decision(due, context.AsOf, TriggerOutcome.Skipped));
    }

    private SendPayload? BuildTriggerPayload(TriggerDue due, DateTimeOffset asOf)
    {
        var profile = _state.Profile;
        var product = due.ProductKey is { } key
            ? profile.GetRecentlyViewedProducts(BrowsedProductSearchLimit).FirstOrDefault(p => p.ProductKey == key)
            : null;
        return SendPayloadBuilder.FromProfile(
            profile, asOf, cutPoints.Current, options.Value.Lifecycle, due.IncludeCart, product, due.Properties);
    }

    private static TriggerLedgerEntry Decision(TriggerDue due, DateTimeOffset asOf, TriggerOutcome outcome) =>
        new(due.Trigger, due.OccurrenceKey, due.Series, due.Scope, asOf, outcome);
}
