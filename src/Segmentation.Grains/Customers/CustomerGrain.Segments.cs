using System.Text;
using Segmentation.Grains.Segments;
using Segmentation.Runtime;
using Segmentation.Segments.Evaluation;

namespace Segmentation.Grains.Customers;

// Segment membership: after every record the customer evaluates every segment as of the record's instant (never
// earlier than the last evaluation), sends a delta to each segment it entered or left, and keeps one reminder at the
// earliest instant a time-window rule flips by time alone, where it evaluates again.
public sealed partial class CustomerGrain
{
    private const string SegmentsReminder = "segments";

    /// <summary>Room in the sequence numbers for the reminder firings between two records.</summary>
    private const long FiringsPerRecord = 1 << 16;

    private readonly List<SegmentMembershipChange> _segmentChanges = [];
    private readonly List<string> _enteredSegments = [];

    /// <summary>The last evaluation, so the next evaluates only what its record can have changed (in memory only).</summary>
    private SegmentSetMemo _segmentMemo;

    public async ValueTask ReceiveReminderAsync(ReminderFiring firing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(firing);
        if (firing.Name.StartsWith(TriggerReminderPrefix, StringComparison.Ordinal))
        {
            await ReceiveTriggerReminderAsync(firing);
            return;
        }

        if (firing.Name != SegmentsReminder)
        {
            throw new InvalidOperationException($"A customer has no reminder '{firing.Name}'.");
        }

        _state.SegmentReminderAt = null;
        if (_state.SegmentSequence % FiringsPerRecord < FiringsPerRecord - 1)
        {
            _state.SegmentSequence++;
        }

        await EvaluateSegmentsAsync(new SegmentTrigger(firing.DueAt, SegmentTrigger.TimeCause));
    }

    /// <summary>
    /// Evaluates an unsaved rule now, with this customer's current memberships for <c>in_segment</c>; null when
    /// the profile is empty or was merged into another customer.
    /// </summary>
    public async ValueTask<bool?> EvaluateAsync(CompiledSegmentRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (_state.MergedInto is not null || _state.Profile.IsEmpty)
        {
            return null;
        }

        var context = new SegmentEvaluationContext(TimeProvider.GetUtcNow())
        {
            RfmCutPoints = cutPoints.Current,
            LifecycleOptions = options.Value.Lifecycle,
        };
        if (rule.ReferencedSegments.Count > 0)
        {
            await definitions.EnsureLoadedAsync();
            var table = new SegmentMembershipTable();
            foreach (var membership in CurrentSegments())
            {
                table.Set(membership.SegmentId, new SegmentMembership(IsMember: true, NextChangeAt: null));
            }

            context = context with { Memberships = table };
        }

        return rule.Evaluate(_state.Profile, context);
    }

    /// <summary>
    /// Read-only, for a backfill: whether this customer must evaluate <paramref name="version"/> of a segment durably
    /// (see <see cref="SegmentMembershipEvaluator.CheckBackfill"/>), as of now or its last evaluation if later.
    /// </summary>
    public async ValueTask<SegmentBackfillNeed> CheckBackfillAsync(string segmentId, int version)
    {
        await definitions.EnsureLoadedAsync();
        var now = TimeProvider.GetUtcNow();
        var asOf = _state.SegmentsEvaluatedAt is { } last && last > now ? last : now;
        var profile = _state.MergedInto is null && !_state.Profile.IsEmpty ? _state.Profile : null;
        var context = new SegmentEvaluationContext(asOf) { RfmCutPoints = cutPoints.Current, LifecycleOptions = options.Value.Lifecycle };
        return SegmentMembershipEvaluator.CheckBackfill(
            definitions.Current!, segmentId, version, profile, context, _state.Segments, _state.SegmentReminderAt);
    }

    /// <summary>
    /// Numbers the deltas of a record's evaluation by the record's log offset (times <see cref="FiringsPerRecord"/>;
    /// reminder firings after it add one each): a replay after a crash sends them with the same numbers, which the
    /// segment grain recognizes, and every later evaluation numbers higher, whatever a replay's reminders did.
    /// </summary>
    private void NextSegmentSequence(LogRecord record) => _state.SegmentSequence = record.Offset * FiringsPerRecord;

    /// <summary>The first record this customer applies tells the customer registry it exists.</summary>
    private void Register(DateTimeOffset time)
    {
        if (_state.Registered)
        {
            return;
        }

        _state.Registered = true;
        AppendDurable(new DurableMessage(
            CustomerRegistryGrain.IdOf(Shards.For(GrainId.Key)), RecordKinds.CustomerRegistered, Encoding.UTF8.GetBytes(GrainId.Key), time));
    }

    /// <summary>
    /// A backfill asks for an evaluation: evaluate, then report to the segment that this customer did, unless the
    /// evaluation sent that segment a delta of the backfill's version, which reports it.
    /// </summary>
    private async ValueTask ApplySegmentEvaluateAsync(LogRecord record)
    {
        var evaluation = SegmentEvaluation.Decode(record.Payload);
        await EvaluateSegmentsAsync(new SegmentTrigger(record.Time, SegmentTrigger.DefinitionCause));
        if (_segmentChanges.Exists(c => c.Segment.Id == evaluation.SegmentId && c.Segment.Version == evaluation.Version))
        {
            return;
        }

        var report = new SegmentBackfillReport(GrainId.Key, evaluation.Version);
        AppendDurable(new DurableMessage(SegmentGrain.IdOf(evaluation.SegmentId), RecordKinds.SegmentBackfilled, report.Encode(), record.Time));
    }

    private async ValueTask EvaluateSegmentsAsync(SegmentTrigger trigger)
    {
        await definitions.EnsureLoadedAsync();
        var set = definitions.Current!;
        var asOf = _state.SegmentsEvaluatedAt is { } last && last > trigger.Instant ? last : trigger.Instant;
        _state.SegmentsEvaluatedAt = asOf;
        var sequence = _state.SegmentSequence;
        var profile = _state.MergedInto is null && !_state.Profile.IsEmpty ? _state.Profile : null;
        var context = new SegmentEvaluationContext(asOf) { RfmCutPoints = cutPoints.Current, LifecycleOptions = options.Value.Lifecycle };
        _segmentChanges.Clear();
        var next = SegmentMembershipEvaluator.Evaluate(set, profile, context, _state.Segments, _segmentChanges, trigger.Inputs, ref _segmentMemo);
        _enteredSegments.Clear();
        foreach (var change in _segmentChanges)
        {
            var delta = new SegmentDelta(GrainId.Key, change.Segment.Version, change.Entered, asOf, trigger.Cause, sequence);
            AppendDurable(new DurableMessage(SegmentGrain.IdOf(change.Segment.Id), RecordKinds.SegmentDelta, delta.Encode(), asOf));
            if (change.Entered && trigger.Cause != SegmentTrigger.DefinitionCause)
            {
                // A first evaluation of a new or edited segment is no entry for the segment entry trigger.
                _enteredSegments.Add(change.Segment.Id);
            }
        }

        await ScheduleSegmentsReminderAsync(next);
        await RunTriggersAsync(asOf, _enteredSegments);
    }

    /// <summary>Keeps the one segments reminder at <paramref name="dueAt"/>, touching it only when that instant changes.</summary>
    private async ValueTask ScheduleSegmentsReminderAsync(DateTimeOffset? dueAt)
    {
        if (dueAt == _state.SegmentReminderAt)
        {
            return;
        }

        if (dueAt is { } due)
        {
            await RegisterOrUpdateReminderAsync(SegmentsReminder, due);
        }
        else
        {
            await UnregisterReminderAsync(SegmentsReminder);
        }

        _state.SegmentReminderAt = dueAt;
    }

    /// <summary>The saved segments this customer is in now, by id.</summary>
    private List<CustomerSegmentMembership> CurrentSegments()
    {
        var set = definitions.Current;
        var current = new List<CustomerSegmentMembership>();
        if (set is null)
        {
            return current;
        }

        foreach (var (id, entry) in _state.Segments)
        {
            if (set.TryGet(id, out var segment) && entry.Version >= segment.FirstVersion)
            {
                current.Add(new CustomerSegmentMembership(id, segment.Name, entry.Since));
            }
        }

        current.Sort(static (a, b) => string.CompareOrdinal(a.SegmentId, b.SegmentId));
        return current;
    }
}
