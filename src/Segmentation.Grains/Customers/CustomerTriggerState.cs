using Segmentation.Domain.Triggers;

namespace Segmentation.Grains.Customers;

/// <summary>
/// What a customer grain keeps for its triggers: the life of its current cart, the instant each trigger's reminder is
/// set for, and the ledger of decided and deferred occurrences.
/// </summary>
internal sealed class CustomerTriggerState
{
    public CartCycle Cart { get; set; }

    /// <summary>When each trigger's reminder (<c>trigger:{name}</c>) is set for, by trigger name.</summary>
    public TriggerReminderTimes Reminders { get; } = new();

    public TriggerLedger Ledger { get; set; } = new();

    /// <summary>Nothing to remember: no cart, no reminder, no decision.</summary>
    public bool IsEmpty => Cart == default && Reminders.Count == 0 && Ledger.Entries.Count == 0 && Ledger.Deferred.Count == 0;
}
