using Microsoft.Extensions.Logging;
using Segmentation.Runtime.Catalog;
using Segmentation.Runtime.Configuration;
using Segmentation.Runtime.Durability;
using Segmentation.Runtime.Messaging;
using Segmentation.Runtime.Reminders;
using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime;

/// <summary>The parts of one silo's runtime and the settings they share.</summary>
internal sealed class SiloRuntime
{
    private RecoveryBacklog? _backlog;

    public SiloRuntime(
        SiloOptions options,
        GrainTypeRegistry registry,
        ISiloStorage storage,
        TimeProvider timeProvider,
        ILogger logger,
        IServiceProvider services)
    {
        Options = options;
        Registry = registry;
        Storage = storage;
        TimeProvider = timeProvider;
        Logger = logger;
        Services = services;
        PartitionMap = new PartitionMap(options.PartitionCount);
        Partitions = [.. Enumerable.Range(0, options.PartitionCount).Select(static p => new PartitionState(p))];
        Catalog = new ActivationCatalog(this);
        Collector = new ActivationCollector(this);
        Writer = new GroupCommitWriter(this);
        Checkpoints = new CheckpointService(this);
        Reminders = new ReminderService(this);
        Reminders.Initialize(options.PartitionCount);
        Client = new ClusterClient(this);
    }

    public SiloOptions Options { get; }

    public GrainTypeRegistry Registry { get; }

    public ISiloStorage Storage { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public IServiceProvider Services { get; }

    public PartitionMap PartitionMap { get; }

    public PartitionState[] Partitions { get; }

    public ActivationCatalog Catalog { get; }

    public ActivationCollector Collector { get; }

    public GroupCommitWriter Writer { get; }

    public CheckpointService Checkpoints { get; }

    public ReminderService Reminders { get; }

    public ClusterClient Client { get; }

    /// <summary>
    /// The records recovery read and has not applied yet, by grain; null before recovery read the logs and once they
    /// are all applied (so dispatching costs nothing more then).
    /// </summary>
    public RecoveryBacklog? Backlog
    {
        get => Volatile.Read(ref _backlog);
        set => Volatile.Write(ref _backlog, value);
    }
    /// <summary>Completes when every record appended or replayed so far is applied.</summary>
    public Task WhenAppliedAsync() => Task.WhenAll(Partitions.Select(static p => p.WhenAppliedAsync()));

    /// <summary>
    /// Completes when nothing is in flight: every accepted append written and applied, including the appends that
    /// applying them made in turn. Requires the group commit to be running.
    /// </summary>
    public async Task QuiesceAsync()
    {
        while (true)
        {
            await WhenAppliedAsync().ConfigureAwait(false);
            await Task.WhenAll(Partitions.Select(static p => p.WhenOutgoingDurableAsync())).ConfigureAwait(false);
            if (Writer.PendingRecords == 0 && Partitions.All(static p => p.IsQuiet))
            {
                return;
            }

            await Task.Yield();
        }
    }
}
