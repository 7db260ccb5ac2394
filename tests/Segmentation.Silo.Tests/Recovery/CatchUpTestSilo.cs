using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Segmentation.Runtime;
using Segmentation.Runtime.Hosting;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Storage.Sqlite;
using Segmentation.TestKit;

namespace Segmentation.Silo.Tests.Recovery;

/// <summary>
/// The silo host started on a store (one partition, real SQLite) whose log holds records after its checkpoint, as a
/// kill -9 leaves it: first one to the held grain, which waits at <see cref="Gate"/>, then <see cref="RecordsBehindGate"/>
/// to another grain. With one record in flight, the catch-up stops at the gate until the test opens it.
/// </summary>
public sealed class CatchUpTestSilo : ApiTestSilo
{
    public const int RecordsBehindGate = 3;

    private CatchUpTestSilo(SiloApplicationFactory factory, FakeTimeProvider clock, HeldGrainGate gate, LogCapture logs)
        : base(factory, clock)
    {
        Gate = gate;
        Logs = logs;
    }

    public HeldGrainGate Gate { get; }

    /// <summary>What the silo logged, in order.</summary>
    public LogCapture Logs { get; }

    /// <summary>Starts the silo and returns once the catch-up waits at the gate; <paramref name="settings"/> are added.</summary>
    public static async Task<CatchUpTestSilo> StartAsync(
        CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? settings = null)
    {
        var clock = new FakeTimeProvider(Now);
        var gate = new HeldGrainGate();
        var logs = new LogCapture();
        var factory = CreateFactory(clock)
            .WithSetting("Segmentation:Silo:PartitionCount", "1")
            .WithSetting("Segmentation:Silo:CatchUpRecordsInFlight", "1")
            .WithSetting("Logging:LogLevel:Default", "Information")
            .WithServices(services =>
            {
                services.AddSingleton(gate);
                services.AddSingleton<ILoggerProvider>(logs);
                services.AddSegmentationSilo().AddGrain<HeldGrain>();
            });
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            factory.WithSetting(key, value);
        }

        await WriteTailAsync(factory.DataDirectory, cancellationToken);
        var silo = new CatchUpTestSilo(factory, clock, gate, logs);
        await ReadyAsync(silo, cancellationToken);
        await gate.WhenReachedAsync().WaitAsync(cancellationToken);
        return silo;
    }

    public override async ValueTask DisposeAsync()
    {
        // Open, so that stopping does not wait on the held record forever when a test failed before opening it.
        Gate.Open();
        await base.DisposeAsync();
    }

    private static async Task WriteTailAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        await using var storage = new SqliteSiloStorage(new SqliteStorageOptions { DataDirectory = dataDirectory });
        await storage.OpenAsync(1, cancellationToken);
        var records = new List<LogRecord> { new(0, 1, new GrainId("held", HeldGrain.HeldKey), "add", [], Now) };
        for (var i = 0; i < RecordsBehindGate; i++)
        {
            records.Add(new LogRecord(0, 2 + i, new GrainId("held", "free"), "add", [], Now));
        }

        await storage.AppendAsync(records, cancellationToken);
    }
}
