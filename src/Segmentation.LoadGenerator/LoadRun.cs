using Segmentation.LoadGenerator.Measurement;
using Segmentation.LoadGenerator.Reporting;
using Segmentation.LoadGenerator.Sending;
using Segmentation.LoadGenerator.Serialization;
using Segmentation.LoadGenerator.Shoppers;

namespace Segmentation.LoadGenerator;

/// <summary>
/// One load run: shoppers (<see cref="ShopperModel"/>) cut into batches (<see cref="ShopperBatchSource"/>), sent
/// open-loop at the options' rate (<see cref="RateControlledSender"/>) to a sink, and measured (<see cref="LoadMeter"/>).
/// The console entry point and the benchmark command only wire a sink and options to it and show its progress.
/// </summary>
public sealed class LoadRun
{
    private readonly LoadOptions _options;
    private readonly IEventSink _sink;
    private readonly TimeProvider _time;
    private readonly RateSchedule _schedule;
    private readonly ShopperBatchSource _source;
    private readonly RateControlledSender _sender;
    private int _started;

    /// <summary>Prepares a run (builds the catalog and the population) without sending anything.</summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="LoadOptions.Validate"/>).</exception>
    public LoadRun(LoadOptions options, IEventSink sink, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _sink = sink;
        _time = timeProvider ?? TimeProvider.System;
        _schedule = new RateSchedule(options.Rate, options.Ramp, options.Duration);
        Model = new ShopperModel(options.Shoppers);
        _source = new ShopperBatchSource(Model, options.RunId, options.MaxBatchBytes);
        var senderOptions = new SenderOptions
        {
            Schedule = _schedule,
            BatchSize = options.BatchSize,
            Concurrency = options.Concurrency,
            DrainTimeout = options.DrainTimeout,
            MaxRetries = options.MaxRetries,
        };
        _sender = new RateControlledSender(sink, _source, senderOptions, Meter, _time);
    }

    /// <summary>The measurements, live.</summary>
    public LoadMeter Meter { get; } = new();

    /// <summary>The shoppers.</summary>
    public ShopperModel Model { get; }

    /// <summary>Events the schedule offers within the duration.</summary>
    public long ScheduledEvents => _schedule.TotalEvents;

    /// <summary>Progress since the previous sample (call about once a second from one thread).</summary>
    public ProgressSnapshot SampleProgress()
    {
        var elapsed = _sender.Elapsed;
        return Meter.Sample(elapsed, _schedule.RateAt(elapsed), _sender.InFlight);
    }

    /// <summary>
    /// Sends the whole schedule and drains, then reports. Cancelling stops scheduling; batches in flight get at most
    /// the drain timeout. A run can be started once.
    /// </summary>
    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A load run can be started only once.");
        }

        var startedAt = _time.GetUtcNow();
        var summary = await _sender.RunAsync(cancellationToken).ConfigureAwait(false);
        return BuildReport(startedAt, summary);
    }

    private LoadReport BuildReport(DateTimeOffset startedAt, SendSummary summary)
    {
        var totals = Meter.Totals;
        var shoppers = _options.Shoppers;
        var ackSeconds = totals.LastAcknowledgedAt.TotalSeconds;
        return new LoadReport
        {
            RunId = _options.RunId,
            Target = _sink.Description,
            StartedAt = startedAt,
            ElapsedSeconds = summary.Elapsed.TotalSeconds,
            Stopped = summary.Stopped,
            Settings = new ReportSettings
            {
                Rate = _options.Rate,
                RampSeconds = _options.Ramp.TotalSeconds,
                DurationSeconds = _options.Duration.TotalSeconds,
                DrainTimeoutSeconds = _options.DrainTimeout.TotalSeconds,
                BatchSize = _options.BatchSize,
                MaxBatchBytes = _options.MaxBatchBytes,
                Concurrency = _options.Concurrency,
                Customers = shoppers.Customers,
                Products = shoppers.Products,
                ConcurrentSessions = shoppers.ConcurrentSessions,
                CustomerSkew = shoppers.CustomerSkew,
                ProductSkew = shoppers.ProductSkew,
                KnownShare = shoppers.KnownShare,
                Seed = shoppers.Seed,
                VisitEveryCustomerFirst = shoppers.VisitEveryCustomerFirst,
            },
            Events = new ReportEvents
            {
                Scheduled = summary.EventsScheduled,
                Sent = totals.EventsSent,
                Acknowledged = totals.EventsAcknowledged,
                Failed = totals.EventsFailed,
                Abandoned = totals.EventsAbandoned,
                Unsent = summary.EventsUnsent,
            },
            Requests = new ReportRequests
            {
                Batches = totals.BatchesSent,
                Attempts = totals.Requests,
                Acknowledged = totals.RequestsAcknowledged,
                Throttled = totals.Throttled,
                Retries = totals.Retries,
                Errors = totals.Errors,
                ErrorsByKey = Meter.ErrorsByKey(),
                ErrorSamples = Meter.ErrorSamples(),
                MaxInFlight = summary.MaxInFlight,
                LateBatches = totals.LateBatches,
                MaxScheduleLagMs = totals.MaxScheduleLag.TotalMilliseconds,
            },
            Throughput = new ReportThroughput
            {
                OfferedEventsPerSecond = _schedule.TotalEvents / _options.Duration.TotalSeconds,
                AcknowledgedEventsPerSecond = ackSeconds > 0 ? totals.EventsAcknowledged / ackSeconds : 0,
                AcknowledgedRequestsPerSecond = ackSeconds > 0 ? totals.RequestsAcknowledged / ackSeconds : 0,
            },
            AckLatency = Meter.AckLatency().Summarize(),
            LatencyFromSchedule = Meter.LatencyFromDue().Summarize(),
            EventMix = Model.EventMix(),
        };
    }
}
