namespace Segmentation.Domain.Triggers;

/// <summary>One decided occurrence (see <see cref="TriggerDue"/> for the parts).</summary>
public sealed record TriggerLedgerEntry(
    string Trigger, string OccurrenceKey, string Series, string Scope, DateTimeOffset DecidedAt, TriggerOutcome Outcome);
