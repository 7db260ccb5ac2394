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

    public bool IsDeferred(string trigger, string occurrenceKey) => IndexOfDeferral(trigger, occurrenceKey) >= 0;

    public void Record(TriggerLedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        RemoveDeferral(entry.Trigger, entry.OccurrenceKey);
        var entries = _entries ??= [];
        entries.Add(entry);
        var count = 0;
        var oldest = -1;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Trigger == entry.Trigger)
            {
                count++;
                if (oldest < 0 || entries[i].DecidedAt < entries[oldest].DecidedAt)
                {
                    oldest = i;
                }
            }
        }

        if (count > MaxEntriesPerTrigger)
        {
            entries.RemoveAt(oldest);
        }
    }

    public void Defer(TriggerDue due, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(due);
        RemoveDeferral(due.Trigger, due.OccurrenceKey);
        (_deferred ??= []).Add(new TriggerDeferral(due, until));
    }

    /// <summary>Removes and returns the trigger's deferrals that end at or before <paramref name="asOf"/>, earliest first.</summary>
    public IReadOnlyList<TriggerDeferral> TakeEnded(string trigger, DateTimeOffset asOf)
    {
        List<TriggerDeferral>? ended = null;
        var deferred = DeferralList;
        for (var i = 0; i < deferred.Count; i++)
        {
            if (deferred[i].Due.Trigger == trigger && deferred[i].Until <= asOf)
            {
                (ended ??= []).Add(deferred[i]);
            }
        }

        if (ended is null)
        {
            return [];
        }

        deferred.RemoveAll(ended.Contains);
        return ended.Count == 1 ? ended : [.. ended.OrderBy(static d => d.Until)];
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
        if (cooldown <= TimeSpan.Zero)
        {
            return false;
        }

        foreach (var e in EntryList)
        {
            if (e.Outcome == TriggerOutcome.Sent && e.Trigger == due.Trigger && e.Scope == due.Scope && e.Series != due.Series
                && e.DecidedAt > asOf - cooldown)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sends decided in (<paramref name="asOf"/> - <paramref name="span"/>, <paramref name="asOf"/>].</summary>
    public int SentWithin(TimeSpan span, DateTimeOffset asOf)
    {
        var count = 0;
        foreach (var e in EntryList)
        {
            if (e.Outcome == TriggerOutcome.Sent && e.DecidedAt > asOf - span && e.DecidedAt <= asOf)
            {
                count++;
            }
        }

        return count;
    }

    private int IndexOfDeferral(string trigger, string occurrenceKey)
    {
        var deferred = DeferralList;
        for (var i = 0; i < deferred.Count; i++)
        {
            if (deferred[i].Due.Trigger == trigger && deferred[i].Due.OccurrenceKey == occurrenceKey)
            {
                return i;
            }
        }

        return -1;
    }

    private void RemoveDeferral(string trigger, string occurrenceKey)
    {
        int index;
        while ((index = IndexOfDeferral(trigger, occurrenceKey)) >= 0)
        {
            _deferred!.RemoveAt(index);
        }
    }
}
