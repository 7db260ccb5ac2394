namespace Segmentation.LoadGenerator.Measurement;

/// <summary>
/// Everything a run measures: event and request counts, errors by key, acknowledgement latency (send to 2xx, per
/// request) and latency from the batch's due time to its acknowledgement (which includes queueing behind the
/// concurrency bound, pauses and retries). Thread-safe: every update takes one short lock.
/// </summary>
public sealed class LoadMeter
{
    /// <summary>A batch leaving later than this after its due time counts as late (timers tick in milliseconds).</summary>
    public static readonly TimeSpan LateThreshold = TimeSpan.FromMilliseconds(5);

    private readonly Lock _lock = new();
    private readonly LatencyHistogram _ack = new();
    private readonly LatencyHistogram _ackInterval = new();
    private readonly LatencyHistogram _fromDue = new();
    private readonly Dictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _errorSamples = new(StringComparer.Ordinal);
    private MeterTotals _totals = new();
    private long _intervalAcknowledged;
    private TimeSpan _intervalStart;

    /// <summary>A batch left for the first time, <paramref name="lag"/> after it was due.</summary>
    public void BatchSent(int events, TimeSpan lag)
    {
        lock (_lock)
        {
            _totals = _totals with
            {
                BatchesSent = _totals.BatchesSent + 1,
                EventsSent = _totals.EventsSent + events,
                LateBatches = _totals.LateBatches + (lag > LateThreshold ? 1 : 0),
                MaxScheduleLag = lag > _totals.MaxScheduleLag ? lag : _totals.MaxScheduleLag,
            };
        }
    }

    /// <summary>One attempt was answered (or failed); a retried batch counts once per attempt.</summary>
    public void AttemptCompleted(bool isRetry)
    {
        lock (_lock)
        {
            _totals = _totals with
            {
                Requests = _totals.Requests + 1,
                Retries = _totals.Retries + (isRetry ? 1 : 0),
            };
        }
    }

    /// <summary>A batch was acknowledged <paramref name="ackLatency"/> after its last attempt left, <paramref name="sinceDue"/> after it was due.</summary>
    public void Acknowledged(int events, TimeSpan ackLatency, TimeSpan sinceDue, TimeSpan elapsed)
    {
        lock (_lock)
        {
            _ack.Record(ackLatency);
            _ackInterval.Record(ackLatency);
            _fromDue.Record(sinceDue);
            _intervalAcknowledged += events;
            _totals = _totals with
            {
                RequestsAcknowledged = _totals.RequestsAcknowledged + 1,
                EventsAcknowledged = _totals.EventsAcknowledged + events,
                LastAcknowledgedAt = elapsed,
            };
        }
    }

    /// <summary>An attempt was answered with <paramref name="errorKey"/> (429, another status, or a transport failure).</summary>
    public void Error(string errorKey, string? detail, bool throttled)
    {
        lock (_lock)
        {
            _errors[errorKey] = _errors.GetValueOrDefault(errorKey) + 1;
            if (detail is not null && !_errorSamples.ContainsKey(errorKey))
            {
                _errorSamples[errorKey] = detail.Length <= 300 ? detail : detail[..300];
            }

            _totals = throttled
                ? _totals with { Throttled = _totals.Throttled + 1 }
                : _totals with { Errors = _totals.Errors + 1 };
        }
    }

    /// <summary>A batch's events were given up: refused, failed, out of retries or cut by the drain deadline.</summary>
    public void EventsLost(int events, bool abandonedAtDeadline)
    {
        lock (_lock)
        {
            _totals = abandonedAtDeadline
                ? _totals with { EventsAbandoned = _totals.EventsAbandoned + events }
                : _totals with { EventsFailed = _totals.EventsFailed + events };
        }
    }

    /// <summary>The counts so far.</summary>
    public MeterTotals Totals
    {
        get
        {
            lock (_lock)
            {
                return _totals;
            }
        }
    }

    /// <summary>Attempts answered with an error, by key (status code or <c>transport:...</c>), 429 included.</summary>
    public IReadOnlyDictionary<string, long> ErrorsByKey()
    {
        lock (_lock)
        {
            return new SortedDictionary<string, long>(_errors, StringComparer.Ordinal);
        }
    }

    /// <summary>The first explanation seen for each error key.</summary>
    public IReadOnlyDictionary<string, string> ErrorSamples()
    {
        lock (_lock)
        {
            return new SortedDictionary<string, string>(_errorSamples, StringComparer.Ordinal);
        }
    }

    /// <summary>A copy of the acknowledgement latency histogram.</summary>
    public LatencyHistogram AckLatency()
    {
        lock (_lock)
        {
            return _ack.Clone();
        }
    }

    /// <summary>A copy of the due-to-acknowledgement latency histogram.</summary>
    public LatencyHistogram LatencyFromDue()
    {
        lock (_lock)
        {
            return _fromDue.Clone();
        }
    }

    /// <summary>Closes the current progress interval at <paramref name="elapsed"/> and starts the next.</summary>
    public ProgressSnapshot Sample(TimeSpan elapsed, double targetEventsPerSecond, int inFlight)
    {
        lock (_lock)
        {
            var interval = elapsed - _intervalStart;
            var snapshot = new ProgressSnapshot
            {
                Elapsed = elapsed,
                TargetEventsPerSecond = targetEventsPerSecond,
                Interval = interval,
                IntervalEventsPerSecond = interval > TimeSpan.Zero ? _intervalAcknowledged / interval.TotalSeconds : 0,
                IntervalP50Ms = _ackInterval.PercentileNanoseconds(50) / 1e6,
                IntervalP99Ms = _ackInterval.PercentileNanoseconds(99) / 1e6,
                OverallP50Ms = _ack.PercentileNanoseconds(50) / 1e6,
                OverallP99Ms = _ack.PercentileNanoseconds(99) / 1e6,
                EventsSent = _totals.EventsSent,
                EventsAcknowledged = _totals.EventsAcknowledged,
                Errors = _totals.Errors,
                Throttled = _totals.Throttled,
                InFlight = inFlight,
            };
            _ackInterval.Reset();
            _intervalAcknowledged = 0;
            _intervalStart = elapsed;
            return snapshot;
        }
    }
}
