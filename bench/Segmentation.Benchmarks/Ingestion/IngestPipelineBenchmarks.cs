using BenchmarkDotNet.Attributes;
using Segmentation.Domain.Profiles;
using Segmentation.Tracking;

namespace Segmentation.Benchmarks.Ingestion;

/// <summary>
/// The per-event work of ingestion outside the runtime, on one core, per event: a load-generator <c>/v1/batch</c> body
/// of 100 events parsed (<see cref="Parse"/>), each accepted call serialized as its log payload
/// (<see cref="ParseAndLog"/>), then applied to its customer's profile, which holds 90 days of history, with a
/// profile snapshot every <see cref="SnapshotEvery"/> events of a customer as the checkpoints take them
/// (<see cref="PerEvent"/>). <see cref="Replay"/> is recovery's share: payloads read back and applied. Every
/// iteration starts from the same profiles, restored from their snapshots.
/// </summary>
[Config(typeof(SingleCoreConfig))]
[MemoryDiagnoser]
[InvocationCount(Bodies)]
public class IngestPipelineBenchmarks
{
    /// <summary>Events per request, as the load generator sends them.</summary>
    public const int BatchSize = 100;

    /// <summary>Records a customer applies between two snapshots (the silo's <c>SnapshotAfterRecords</c> default).</summary>
    public const int SnapshotEvery = 64;

    private const int Bodies = 50;
    private const int Customers = 1_000;
    private const int HistoryEvents = 100_000;

    private readonly TrackingRequestParser _parser = new();
    private ShopperTraffic _traffic = null!;
    private List<byte[]>[] _payloads = null!;
    private Dictionary<string, CustomerProfile> _profiles = null!;
    private Dictionary<string, int> _sinceSnapshot = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _traffic = ShopperTraffic.Create(Customers, HistoryEvents, Bodies, BatchSize);
        _payloads = new List<byte[]>[Bodies];
        for (var i = 0; i < Bodies; i++)
        {
            _payloads[i] = [.. ParseBody(i).Select(static a => TrackingMessageSerializer.Serialize(a.Message))];
        }

        Console.WriteLine(
            $"// {_traffic.Customers:N0} customers, {_traffic.HistoryEvents:N0} history events over 90 days, " +
            $"{_traffic.SnapshotBytes / (double)_traffic.Customers:N0} snapshot bytes per customer");
    }

    [IterationSetup]
    public void Reset()
    {
        _profiles = _traffic.RestoreProfiles();
        _sinceSnapshot = new Dictionary<string, int>(StringComparer.Ordinal);
        _next = 0;
    }

    /// <summary>The HTTP edge: one body parsed and validated into accepted calls.</summary>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int Parse() => ParseBody(_next++).Count;

    /// <summary>Parsed, then each call serialized as the payload appended to the log.</summary>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public long ParseAndLog()
    {
        long bytes = 0;
        foreach (var accepted in ParseBody(_next++))
        {
            bytes += TrackingMessageSerializer.Serialize(accepted.Message).Length;
        }

        return bytes;
    }

    /// <summary>Parsed, logged, applied to the customer's profile (the decoded call handed over in process), snapshots.</summary>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public long PerEvent()
    {
        long bytes = 0;
        foreach (var accepted in ParseBody(_next++))
        {
            var message = accepted.Message;
            bytes += TrackingMessageSerializer.Serialize(message).Length;
            bytes += Apply(message);
        }

        return bytes;
    }

    /// <summary>Recovery: each log payload of a body read back and applied.</summary>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public long Replay()
    {
        long bytes = 0;
        foreach (var payload in _payloads[_next++])
        {
            bytes += Apply(TrackingMessageSerializer.Deserialize(payload));
        }

        return bytes;
    }

    private IReadOnlyList<AcceptedTrackingMessage> ParseBody(int index) =>
        _parser.Parse(_traffic.Bodies[index], TrackingEndpoint.Batch, _traffic.ReceivedAt[index]).Accepted;

    /// <summary>Applies a call to its customer; snapshots the profile every <see cref="SnapshotEvery"/> calls (returns its size).</summary>
    private int Apply(TrackingMessage message)
    {
        var key = message.CustomerKey;
        if (!_profiles.TryGetValue(key, out var profile))
        {
            _profiles.Add(key, profile = new CustomerProfile());
        }

        profile.Apply(message);
        var count = _sinceSnapshot.GetValueOrDefault(key) + 1;
        if (count < SnapshotEvery)
        {
            _sinceSnapshot[key] = count;
            return 0;
        }

        _sinceSnapshot[key] = 0;
        return CustomerProfileSerializer.Serialize(profile).Length;
    }
}
