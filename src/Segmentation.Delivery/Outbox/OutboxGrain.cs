using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using Segmentation.Delivery.Sends;
using Segmentation.Runtime;

namespace Segmentation.Delivery.Outbox;

/// <summary>
/// One shard of the outbox and send log (key: the shard number, <see cref="ShardOf"/> of the customer id, like the RFM
/// and email index shards), fed by its partition's log. An intent is kept once per <see cref="SendIntent.SendId"/>: a
/// replayed or repeated intent changes nothing, so one occurrence never makes two sends. Attempts, deferrals, skips and
/// manual retries are log records too, so the log of every send survives a crash exactly as it was acknowledged.
/// Finished sends leave the log <see cref="DeliveryOptions.SendLogRetention"/> after their last change.
/// </summary>
[GrainType(TypeName)]
public sealed partial class OutboxGrain(OutboxSignal signal, IOptions<DeliveryOptions> options) : Grain, IDurableGrain
{
    public const string TypeName = "outbox";

    /// <summary>The number of shards; the same count and hash as <c>Segmentation.Grains.Shards</c>.</summary>
    public const int ShardCount = 64;

    /// <summary>Deferrals kept per send (the latest).</summary>
    internal const int MaxDeferralsKept = 20;

    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private readonly Dictionary<string, SendRecord> _sends = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byCustomer = new(StringComparer.Ordinal);
    private readonly SortedSet<SendKey> _due = new();
    private readonly SortedSet<SendKey> _byCreated = new();
    private readonly Dictionary<SendStatus, SortedSet<SendKey>> _byStatus = [];
    private readonly SendDayCounts _dayCounts = new();
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private DateTimeOffset? _prunedAt;

    public static GrainId IdOf(string shard) => new(TypeName, shard);

    /// <summary>The shard of a customer's sends.</summary>
    public static string ShardOf(string customerId) =>
        (StableHash.Compute(customerId) % ShardCount).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every shard key.</summary>
    public static IEnumerable<string> AllShards =>
        Enumerable.Range(0, ShardCount).Select(static i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public ValueTask ApplyAsync(LogRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var workAvailable = record.Kind switch
        {
            OutboxRecordKinds.SendIntent => ApplyIntent(
                record.Body as SendIntent ?? OutboxJson.Read(record.Payload, OutboxJson.Default.SendIntent), record.Payload, record.Time),
            OutboxRecordKinds.SendSkipped => ApplySkip(OutboxJson.Read(record.Payload, OutboxJson.Default.SendSkip), record.Time),
            OutboxRecordKinds.SendAttempted => ApplyAttempt(OutboxJson.Read(record.Payload, OutboxJson.Default.AttemptRecord), record.Time),
            OutboxRecordKinds.SendDeferred => ApplyDeferral(OutboxJson.Read(record.Payload, OutboxJson.Default.DeferralRecord), record.Time),
            OutboxRecordKinds.SendRetryRequested => ApplyRetry(OutboxJson.Read(record.Payload, OutboxJson.Default.RetryRecord), record.Time),
            _ => throw new InvalidOperationException($"An outbox shard does not take records of kind '{record.Kind}'."),
        };
        PruneIfDue(record.Time);
        signal.Changed(workAvailable);
        return ValueTask.CompletedTask;
    }

    private bool ApplyIntent(SendIntent intent, byte[] recordPayload, DateTimeOffset time)
    {
        if (intent.Validate() is { } problem)
        {
            throw new InvalidDataException(problem);
        }

        if (_sends.ContainsKey(intent.SendId))
        {
            return false;
        }

        Add(new SendRecord(
            intent.SendId,
            intent.CustomerId,
            Shared(intent.Trigger),
            intent.OccurrenceKey,
            intent.Kind,
            Shared(intent.TemplateId),
            intent.CreatedAt,
            time,
            SendStatus.Pending,
            intent.CreatedAt,
            DeliveredAt: null,
            RoundAttempts: 0,
            Attempts: [],
            SkippedAt: null,
            SkipReason: null,
            Deferrals: [],
            Retries: [],
            StoredSendPayload.OfIntentRecord(recordPayload)));
        return true;
    }

    private bool ApplySkip(SendSkip skip, DateTimeOffset time)
    {
        if (skip.Validate() is { } problem)
        {
            throw new InvalidDataException(problem);
        }

        if (!_sends.TryGetValue(skip.SendId, out var current))
        {
            Add(new SendRecord(
                skip.SendId,
                skip.CustomerId,
                Shared(skip.Trigger),
                skip.OccurrenceKey,
                skip.Kind,
                TemplateId: null,
                skip.SkippedAt,
                time,
                SendStatus.Skipped,
                NextAttemptAt: null,
                DeliveredAt: null,
                RoundAttempts: 0,
                Attempts: [],
                skip.SkippedAt,
                skip.Reason,
                Deferrals: [],
                Retries: [],
                Payload: null));
        }
        else if (current.Status == SendStatus.Pending)
        {
            Replace(current, current with
            {
                Status = SendStatus.Skipped, NextAttemptAt = null, SkippedAt = skip.SkippedAt, SkipReason = skip.Reason, UpdatedAt = time,
            });
        }

        return false;
    }

    private bool ApplyAttempt(AttemptRecord record, DateTimeOffset time)
    {
        var attempt = record.Attempt;
        if (!_sends.TryGetValue(record.SendId, out var current) || current.Attempts.Any(a => a.Number >= attempt.Number))
        {
            return false;
        }

        var next = current with { Attempts = [.. current.Attempts, attempt], RoundAttempts = current.RoundAttempts + 1, UpdatedAt = time };
        if (attempt.Outcome == SendAttemptOutcome.Delivered)
        {
            // The ESP took it: that is a fact whatever the send's status (a skip recorded while it was in flight).
            next = next with { Status = SendStatus.Delivered, NextAttemptAt = null, DeliveredAt = attempt.StartedAt + attempt.Duration };
        }
        else if (current.Status == SendStatus.Pending)
        {
            next = attempt.Outcome switch
            {
                SendAttemptOutcome.Retrying => next with { NextAttemptAt = attempt.RetryAt ?? time },
                SendAttemptOutcome.Failed => next with { Status = SendStatus.Failed, NextAttemptAt = null },
                _ => next with { Status = SendStatus.DeadLettered, NextAttemptAt = null },
            };
        }

        Replace(current, next);
        return false;
    }

    private bool ApplyDeferral(DeferralRecord record, DateTimeOffset time)
    {
        if (!_sends.TryGetValue(record.SendId, out var current) || current.Status != SendStatus.Pending)
        {
            return false;
        }

        var deferrals = current.Deferrals.Count < MaxDeferralsKept ? current.Deferrals : current.Deferrals.Skip(1);
        Replace(current, current with
        {
            NextAttemptAt = record.Deferral.Until, Deferrals = [.. deferrals, record.Deferral], UpdatedAt = time,
        });
        return false;
    }

    private bool ApplyRetry(RetryRecord record, DateTimeOffset time)
    {
        if (!_sends.TryGetValue(record.SendId, out var current) || !current.CanRetry || current.Payload is null)
        {
            return false;
        }

        Replace(current, current with
        {
            Status = SendStatus.Pending,
            NextAttemptAt = record.Request.RequestedAt,
            RoundAttempts = 0,
            Retries = [.. current.Retries, record.Request],
            UpdatedAt = time,
        });
        return true;
    }

    private void Add(SendRecord send)
    {
        _sends.Add(send.SendId, send);
        _byCreated.Add(new SendKey(send.CreatedAt, send.SendId));
        if (!_byCustomer.TryGetValue(send.CustomerId, out var ids))
        {
            ids = [];
            _byCustomer.Add(send.CustomerId, ids);
        }

        ids.Add(send.SendId);
        if (send.NextAttemptAt is { } due)
        {
            _due.Add(new SendKey(due, send.SendId));
        }

        StatusKeys(send.Status).Add(new SendKey(send.CreatedAt, send.SendId));
        _dayCounts.Add(send);
    }

    // Trigger names and template ids repeat over thousands of sends: the shard keeps one string per name.
    [return: NotNullIfNotNull(nameof(name))]
    private string? Shared(string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (_names.TryGetValue(name, out var shared))
        {
            return shared;
        }

        _names.Add(name, name);
        return name;
    }

    private void Replace(SendRecord current, SendRecord next)
    {
        if (current.NextAttemptAt != next.NextAttemptAt)
        {
            if (current.NextAttemptAt is { } before)
            {
                _due.Remove(new SendKey(before, current.SendId));
            }

            if (next.NextAttemptAt is { } after)
            {
                _due.Add(new SendKey(after, next.SendId));
            }
        }

        if (current.Status != next.Status)
        {
            var key = new SendKey(current.CreatedAt, current.SendId);
            StatusKeys(current.Status).Remove(key);
            StatusKeys(next.Status).Add(key);
            _dayCounts.Remove(current);
            _dayCounts.Add(next);
        }

        _sends[next.SendId] = next;
    }

    private SortedSet<SendKey> StatusKeys(SendStatus status)
    {
        if (!_byStatus.TryGetValue(status, out var keys))
        {
            keys = [];
            _byStatus.Add(status, keys);
        }

        return keys;
    }

    private void Remove(SendRecord send)
    {
        _sends.Remove(send.SendId);
        _byCreated.Remove(new SendKey(send.CreatedAt, send.SendId));
        StatusKeys(send.Status).Remove(new SendKey(send.CreatedAt, send.SendId));
        _dayCounts.Remove(send);
        if (send.NextAttemptAt is { } due)
        {
            _due.Remove(new SendKey(due, send.SendId));
        }

        if (_byCustomer.TryGetValue(send.CustomerId, out var ids))
        {
            ids.Remove(send.SendId);
            if (ids.Count == 0)
            {
                _byCustomer.Remove(send.CustomerId);
            }
        }
    }

    // Deterministic: driven by record times only, and the last prune time is part of the snapshot.
    private void PruneIfDue(DateTimeOffset time)
    {
        if (_prunedAt is { } last && time - last < PruneInterval)
        {
            return;
        }

        _prunedAt = time;
        var before = time - options.Value.SendLogRetention;
        foreach (var send in _sends.Values.Where(s => s.Status != SendStatus.Pending && s.UpdatedAt < before).ToList())
        {
            Remove(send);
        }
    }
}
