using Segmentation.Domain.Profiles;
using Segmentation.Domain.Triggers;
using Segmentation.Tracking;

namespace Segmentation.Domain.Tests.Triggers;

/// <summary>A profile with its cart cycle, built from messages as the customer grain applies them, for policy tests.</summary>
internal sealed class TriggerProfiles
{
    public CustomerProfile Profile { get; } = new();

    public CartCycle Cart { get; private set; }

    public TriggerLedger Ledger { get; } = new();

    public TriggerProfiles Apply(params TrackingMessage[] messages)
    {
        foreach (var message in messages)
        {
            Profile.Apply(message);
            Cart = Cart.After(message, Profile.CartSummary);
        }

        return this;
    }

    public TriggerContext At(DateTimeOffset asOf, TimeZoneInfo? zone = null, params string[] segments) =>
        new(Profile, asOf, asOf.AddDays(-1), zone ?? TimeZoneInfo.Utc, Ledger, Cart.Since, id => segments.Contains(id));

    /// <summary>Records the occurrence as decided at its due time.</summary>
    public void Decide(TriggerDue due, TriggerOutcome outcome = TriggerOutcome.Sent) =>
        Ledger.Record(new TriggerLedgerEntry(due.Trigger, due.OccurrenceKey, due.Series, due.Scope, due.DueAt, outcome));

    public static TimeZoneInfo Zone(string id) => TimeZones.TryFind(id, out var zone) ? zone : throw new InvalidOperationException($"No time zone {id}: install tzdata.");
}
