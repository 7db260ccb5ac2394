using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Segmentation.Runtime;
using Segmentation.Runtime.Catalog;
using Segmentation.Runtime.Configuration;
using Segmentation.Runtime.Hosting;

namespace Segmentation.TestKit;

/// <summary>
/// An in-process silo for tests (Orleans' TestingHost): no background loops, time moves only through
/// <see cref="AdvanceAsync"/>, which fires every reminder and timer at its exact due time. <see cref="KillAsync"/>
/// simulates a crash (nothing flushed, nothing checkpointed) and <see cref="RestartAsync"/> recovers from storage.
/// </summary>
public sealed partial class TestSilo : IAsyncDisposable
{
    private readonly TestSiloOptions _options;
    private readonly KillSwitchStorage _storage;
    private readonly ServiceProvider _services;
    private bool _killed;

    private TestSilo(TestSiloOptions options)
    {
        _options = options;
        _storage = new KillSwitchStorage(options.StorageFactory());
        var siloOptions = new SiloOptions { PartitionCount = 8 };
        options.ConfigureSilo(siloOptions);
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(options.Clock);
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(options.Settings).Build());
        collection.AddLogging();
        var registry = new GrainTypeRegistry();
        options.Configure(new SiloBuilder(collection, registry));
        collection.AddSingleton(sp => Silo!.Client);
        collection.AddSingleton<IGrainFactory>(sp => Silo!.Client);
        _services = collection.BuildServiceProvider();
        Silo = new Silo(siloOptions, registry, _storage, options.Clock, options.Logger, _services, runBackgroundLoops: false);
    }

    public Silo Silo { get; }

    public IClusterClient Client => Silo.Client;

    public FakeTimeProvider Clock => _options.Clock;

    public IServiceProvider Services => _services;

    public static async Task<TestSilo> StartAsync(TestSiloOptions options)
    {
        var silo = new TestSilo(options);
        await silo.Silo.StartAsync(CancellationToken.None);
        await silo.Silo.WhenReadyAsync();
        if (options.WaitForCatchUp)
        {
            await silo.Silo.WhenCaughtUpAsync();
        }

        return silo;
    }

    /// <summary>Waits until every durable record appended so far is applied, with whatever those appended in turn.</summary>
    public Task WhenIdleAsync() => Silo.Runtime.QuiesceAsync();

    /// <summary>Writes a checkpoint of every partition now, with a snapshot of every changed grain.</summary>
    public async Task CheckpointAsync()
    {
        await WhenIdleAsync();
        await Silo.Runtime.Checkpoints.CheckpointAllAsync(Runtime.Durability.SnapshotMode.All);
    }

    /// <summary>Writes the checkpoint the periodic loop writes: snapshots only of grains whose snapshot is due.</summary>
    public async Task PeriodicCheckpointAsync()
    {
        await WhenIdleAsync();
        await Silo.Runtime.Checkpoints.CheckpointAllAsync(Runtime.Durability.SnapshotMode.Due);
    }

    /// <summary>The checkpoint offset stored for the partition of <paramref name="grainId"/>.</summary>
    public Task<long> StoredCheckpointAsync(GrainId grainId) =>
        Silo.Runtime.Storage.ReadCheckpointAsync(Silo.Runtime.PartitionMap.GetPartition(grainId));

    /// <summary>Runs one collection pass and waits until the activations it picked are gone.</summary>
    public async Task<int> CollectAsync()
    {
        var started = Silo.Runtime.Collector.CollectOnce();
        await Task.WhenAll(started.Select(static activation => activation.WhenCollectedAsync()));
        return started.Count;
    }

    /// <summary>Simulates a crash: storage is cut off at once; nothing is flushed or checkpointed.</summary>
    public async Task KillAsync()
    {
        _killed = true;
        await _storage.KillAsync();
        await _services.DisposeAsync();
    }

    /// <summary>Kills this silo and starts a new one on the same storage and clock.</summary>
    public async Task<TestSilo> RestartAsync()
    {
        await KillAsync();
        return await StartAsync(_options);
    }

    /// <summary>Stops gracefully (flush, collect, checkpoint) and starts a new silo on the same storage.</summary>
    public async Task<TestSilo> StopAndRestartAsync()
    {
        await Silo.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        return await StartAsync(_options);
    }

    /// <summary>Stops the silo gracefully, unless it was killed (there is nothing left to stop then).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_killed)
        {
            return;
        }

        if (Silo.Status == SiloStatus.Ready)
        {
            await Silo.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
