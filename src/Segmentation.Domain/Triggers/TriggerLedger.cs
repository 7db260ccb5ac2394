namespace Segmentation.Domain.Triggers;

/// <summary>
/// A customer's memory of its trigger occurrences: the ones decided (sent, skipped or passed over), so that none is
/// decided twice, cooldowns and the frequency cap can be counted, and the ones deferred by quiet hours. Keeps the newest
/// <see cref="MaxEntriesPerTrigger"/> decisions of each trigger.
/// </summary>
public sealed class TriggerLedger
{
    /// <summary>Decisions kept per trigger (more than the milestones one trigger can have).</summary>
    public const int MaxEntriesPerTrigger = 32;

    // Shared by every ledger without decisions or deferrals, for reads only: never changed.
    private static readonly List<TriggerLedgerEntry> NoEntries = [];
    private static readonly List<TriggerDeferral> NoDeferrals = [];

    // Allocated with their first element: most customers never have a decision or a deferral.
    private List<TriggerLedgerEntry>? _entries;
    private List<TriggerDeferral>? _deferred;

    /// <summary>The decisions, oldest first.</summary>
    public IReadOnlyList<TriggerLedgerEntry> Entries => EntryList;

    public IReadOnlyList<TriggerDeferral> Deferred => DeferralList;

    private List<TriggerLedgerEntry> EntryList => _entries ?? NoEntries;

    private List<TriggerDeferral> DeferralList => _deferred ?? NoDeferrals;

    public static TriggerLedger Load(IEnumerable<TriggerLedgerEntry> entries, IEnumerable<TriggerDeferral> deferred)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(deferred);
        List<TriggerLedgerEntry> entryList = [.. entries];
        List<TriggerDeferral> deferralList = [.. deferred];
        return new TriggerLedger
        {
            _entries = entryList.Count > 0 ? entryList : null,
            _deferred = deferralList.Count > 0 ? deferralList : null,
        };
    }

    /// <summary>Whether the occurrence was decided or is deferred.</summary>
    public bool IsDecided(string trigger, string occurrenceKey)
    {
        foreach (var entry in EntryList)
        {
            if (entry.Trigger == trigger && entry.OccurrenceKey == occurrenceKey)
            {
                return true;
            }
        }

        return IsDeferred(trigger, occurrenceKey);
    }

    public bool IsDeferred(string trigger, string occurrenceKey) =>
        DeferralList.Exists(d => d.Due.Trigger == trigger && d.Due.OccurrenceKey == occurrenceKey);

    public void Record(TriggerLedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _deferred?.RemoveAll(d => d.Due.Trigger == entry.Trigger && d.Due.OccurrenceKey == entry.OccurrenceKey);
        (_entries ??= []).Add(entry);
        var count = EntryList.Count(e => e.Trigger == entry.Trigger);
        if (count > MaxEntriesPerTrigger)
        {
            var oldest = EntryList.Where(e => e.Trigger == entry.Trigger).MinBy(static e => e.DecidedAt)!;
            _entries!.Remove(oldest);
        }
    }

    public void Defer(TriggerDue due, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(due);
        _deferred?.RemoveAll(d => d.Due.Trigger == due.Trigger && d.Due.OccurrenceKey == due.OccurrenceKey);
        (_deferred ??= []).Add(new TriggerDeferral(due, until));
    }

    /// <summary>Removes and returns the trigger's deferrals that end at or before <paramref name="asOf"/>, earliest first.</summary>
    public List<TriggerDeferral> TakeEnded(string trigger, DateTimeOffset asOf)
    {
        var ended = DeferralList.Where(d => d.Due.Trigger == trigger && d.Until <= asOf).OrderBy(static d => d.Until).ToList();
        _deferred?.RemoveAll(ended.Contains);
        return ended;
    }

    /// <summary>When the trigger's earliest deferral ends; null without one.</summary>
    public DateTimeOffset? NextDeferralEnd(string trigger)
    {
        DateTimeOffset? earliest = null;
        foreach (var deferral in DeferralList)
        {
            if (deferral.Due.Trigger == trigger && (earliest is null || deferral.Until < earliest))
            {
                earliest = deferral.Until;
            }
        }

        return earliest;
    }

    /// <summary>
    /// Whether a send of another series of the same trigger and scope went out within <paramref name="cooldown"/>
    /// before <paramref name="asOf"/>.
    /// </summary>
    public bool InCooldown(TriggerDue due, TimeSpan cooldown, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(due);
        return cooldown > TimeSpan.Zero && EntryList.Exists(e =>
            e.Outcome == TriggerOutcome.Sent && e.Trigger == due.Trigger && e.Scope == due.Scope && e.Series != due.Series
            && e.DecidedAt > asOf - cooldown);
    }

    /// <summary>The sends decided in (<paramref name="asOf"/> - <paramref name="span"/>, <paramref name="asOf"/>].</summary>
    public int SentWithin(TimeSpan span, DateTimeOffset asOf) =>
        EntryList.Count(e => e.Outcome == TriggerOutcome.Sent && e.DecidedAt > asOf - span && e.DecidedAt <= asOf);
}
