using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Policies;
using Segmentation.Domain.Triggers.Settings;
using Segmentation.Grains.Triggers;
using Segmentation.Runtime;

namespace Segmentation.Grains.Customers;

// Triggers: after every record (and segment evaluation) each enabled trigger computes its next occurrence from the
// profile; one due by the record's instant is decided at once (CustomerGrain.TriggerDecisions.cs), a later one gets
// the trigger's one reminder (trigger:{name}), registered or moved only when its instant changes. A reminder firing is
// itself a log record, decided as of its due time: deterministic on replay, and a repeat finds the occurrence decided.
public sealed partial class CustomerGrain
{
    private const string TriggerReminderPrefix = "trigger:";

    /// <summary>The most occurrences one trigger decides in one run (milestones reached at once).</summary>
    private const int MaxDecisionsPerRun = 32;

    /// <summary>
    /// Whether triggers watch this customer: one that can be mailed at all (an email address, and an id that can be part
    /// of a send id: no control characters). Anonymous visitors keep no reminders and fill no send log; their cart's
    /// life is still followed, so an identify with an email before the hour is up schedules the cart's reminder.
    /// </summary>
    private bool TriggersApply => _state.MergedInto is null && !_state.Profile.IsEmpty
        && !string.IsNullOrWhiteSpace(_state.Profile.Email) && !ControlCharacters.In(GrainId.Key);

    /// <summary>The pending trigger occurrences with their due times, earliest first.</summary>
    public async ValueTask<IReadOnlyList<PendingTrigger>> GetPendingTriggersAsync()
    {
        await triggerSettings.EnsureLoadedAsync();
        var settings = triggerSettings.Current!;
        var pending = new List<PendingTrigger>();
        if (!TriggersApply)
        {
            return pending;
        }

        var context = TriggerContextAt(TimeProvider.GetUtcNow(), settings);
        foreach (var deferral in _state.Triggers.Ledger.Deferred)
        {
            pending.Add(new PendingTrigger(deferral.Due.Trigger, deferral.Until, deferral.Due.OccurrenceKey, Deferred: true));
        }

        foreach (var name in TriggerNames.All)
        {
            if (settings.Get(name) is { Enabled: true } trigger && NextDue(name, trigger, context) is { } due)
            {
                pending.Add(new PendingTrigger(name, due.DueAt, due.OccurrenceKey, Deferred: false));
            }
        }

        pending.Sort(static (a, b) => a.DueAt.CompareTo(b.DueAt));
        return pending;
    }

    /// <summary>
    /// Checks a trigger send again just before dispatch: the trigger is enabled, consent and suppression allow it, and
    /// the occurrence's condition still holds now. Also says the customer's time zone, for quiet hours.
    /// </summary>
    public async ValueTask<TriggerSendCheck> CheckSendAsync(string trigger, string occurrenceKey)
    {
        await triggerSettings.EnsureLoadedAsync();
        var settings = triggerSettings.Current!;
        if (_state.MergedInto is not null || _state.Profile.IsEmpty)
        {
            return new TriggerSendCheck(Delivery.Sends.SendSkipReasons.ConditionNotMet, settings.DefaultZone.Id);
        }

        var context = TriggerContextAt(TimeProvider.GetUtcNow(), settings);
        if (settings.Get(trigger) is not { } triggerSettingsInForce)
        {
            return new TriggerSendCheck(null, context.Zone.Id);
        }

        var reason = !triggerSettingsInForce.Enabled
            ? Delivery.Sends.SendSkipReasons.TriggerDisabled
            : TriggerGuardrailChecks.ConsentSkipReason(_state.Profile)
              ?? (Holds(trigger, triggerSettingsInForce, context, occurrenceKey) ? null : Delivery.Sends.SendSkipReasons.ConditionNotMet);
        return new TriggerSendCheck(reason, context.Zone.Id);
    }

    /// <summary>A trigger reminder fired: decide what is due as of its due time (never earlier than the last evaluation).</summary>
    private async ValueTask ReceiveTriggerReminderAsync(ReminderFiring firing)
    {
        var name = firing.Name[TriggerReminderPrefix.Length..];
        _state.Triggers.Reminders.Remove(name);
        var asOf = _state.SegmentsEvaluatedAt is { } last && last > firing.DueAt ? last : firing.DueAt;
        await RunTriggersAsync(asOf, [], name);
    }

    /// <summary>
    /// Runs every trigger as of <paramref name="asOf"/>; <paramref name="enteredSegments"/> feed segment entry. The
    /// occurrence of a <paramref name="firedTrigger"/> that was disabled since its reminder was set is skipped as disabled.
    /// </summary>
    private async ValueTask RunTriggersAsync(DateTimeOffset asOf, IReadOnlyList<string> enteredSegments, string? firedTrigger = null)
    {
        await triggerSettings.EnsureLoadedAsync();
        var settings = triggerSettings.Current!;
        var state = _state.Triggers;
        if (!settings.AnyEnabled && firedTrigger is null && state.Reminders.Count == 0 && state.Ledger.Deferred.Count == 0)
        {
            return;
        }

        var context = TriggersApply ? TriggerContextAt(asOf, settings) : null;
        foreach (var name in TriggerNames.All)
        {
            // A reminder due by now counts as fired, whichever record came first (the segments reminder of the same instant).
            var fired = name == firedTrigger || (state.Reminders.TryGetValue(name, out var at) && at <= asOf);
            var next = context is null ? null : RunTrigger(name, settings, context, enteredSegments, fired);
            await ScheduleTriggerReminderAsync(name, next);
        }
    }

    /// <summary>Decides what of one trigger is due by the context's instant; returns when its next occurrence or deferral is due.</summary>
    private DateTimeOffset? RunTrigger(string name, TriggerSettingsSet settings, TriggerContext context, IReadOnlyList<string> enteredSegments, bool fired)
    {
        var trigger = settings.Get(name)!;
        var ledger = context.Ledger;
        foreach (var deferral in ledger.TakeEnded(name, context.AsOf))
        {
            if (Holds(name, trigger, context, deferral.Due.OccurrenceKey))
            {
                DecideTrigger(deferral.Due, trigger, settings, context);
            }
            else
            {
                SkipTrigger(deferral.Due, Delivery.Sends.SendSkipReasons.ConditionNotMet, context);
            }
        }

        if (trigger.Enabled && trigger is SegmentEntrySettings segmentEntry)
        {
            foreach (var due in SegmentEntryTrigger.Occurrences(enteredSegments, context.AsOf, segmentEntry))
            {
                if (!ledger.IsDecided(name, due.OccurrenceKey))
                {
                    DecideTrigger(due, trigger, settings, context);
                }
            }
        }
        else if (trigger.Enabled)
        {
            for (var i = 0; i < MaxDecisionsPerRun && NextDue(name, trigger, context) is { } due; i++)
            {
                if (due.DueAt > context.AsOf)
                {
                    return Earliest(ledger.NextDeferralEnd(name), due.DueAt);
                }

                DecideTrigger(due, trigger, settings, context);
            }
        }
        else if (fired && NextDue(name, trigger, context) is { } due && due.DueAt <= context.AsOf)
        {
            DecideTrigger(due, trigger, settings, context);
        }

        return ledger.NextDeferralEnd(name);
    }

    /// <summary>Keeps the trigger's one reminder at <paramref name="dueAt"/>, touching it only when that instant changes.</summary>
    private async ValueTask ScheduleTriggerReminderAsync(string name, DateTimeOffset? dueAt)
    {
        var reminders = _state.Triggers.Reminders;
        DateTimeOffset? current = reminders.TryGetValue(name, out var at) ? at : null;
        if (dueAt == current)
        {
            return;
        }

        if (dueAt is { } due)
        {
            await RegisterOrUpdateReminderAsync(TriggerReminderPrefix + name, due);
            reminders[name] = due;
        }
        else
        {
            await UnregisterReminderAsync(TriggerReminderPrefix + name);
            reminders.Remove(name);
        }
    }

    private TriggerContext TriggerContextAt(DateTimeOffset asOf, TriggerSettingsSet settings)
    {
        var zone = TimeZones.TryFind(_state.Profile.TimeZone, out var found) ? found : settings.DefaultZone;
        var segments = _state.Segments;
        return new TriggerContext(
            _state.Profile, asOf, asOf - settings.Guardrails.MaxLateness, zone, _state.Triggers.Ledger, _state.Triggers.Cart.Since, segments.ContainsKey);
    }

    private static TriggerDue? NextDue(string name, TriggerSettings trigger, TriggerContext context) => trigger switch
    {
        CartAbandonmentSettings cart => CartAbandonmentTrigger.NextDue(context, cart),
        BrowseAbandonmentSettings browse => BrowseAbandonmentTrigger.NextDue(context, browse),
        LapseSettings lapse => LapseTrigger.NextDue(context, lapse),
        BirthdaySettings birthday => BirthdayTrigger.NextDue(context, birthday),
        LoyaltyMilestoneSettings milestone => LoyaltyMilestoneTrigger.NextDue(context, milestone),
        SegmentEntrySettings => null,
        _ => throw new InvalidOperationException($"No policy for trigger '{name}'."),
    };

    private static bool Holds(string name, TriggerSettings trigger, TriggerContext context, string occurrenceKey) => trigger switch
    {
        CartAbandonmentSettings => CartAbandonmentTrigger.Holds(context, occurrenceKey),
        BrowseAbandonmentSettings browse => BrowseAbandonmentTrigger.Holds(context, browse, occurrenceKey),
        LapseSettings lapse => LapseTrigger.Holds(context, lapse, occurrenceKey),
        BirthdaySettings => BirthdayTrigger.Holds(context),
        LoyaltyMilestoneSettings => LoyaltyMilestoneTrigger.Holds(context, occurrenceKey),
        SegmentEntrySettings => SegmentEntryTrigger.Holds(context, occurrenceKey),
        _ => throw new InvalidOperationException($"No policy for trigger '{name}'."),
    };

    private static DateTimeOffset? Earliest(DateTimeOffset? left, DateTimeOffset right) => left is { } l && l < right ? l : right;
}
