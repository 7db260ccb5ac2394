using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Segmentation.Runtime.Configuration;
using Segmentation.Runtime.Hosting;
using Segmentation.Runtime.Storage;
using Segmentation.Storage.InMemory;

namespace Segmentation.TestKit;

/// <summary>How to build a <see cref="TestSilo"/>: grains, settings, storage and clock.</summary>
public sealed class TestSiloOptions
{
    /// <summary>Registers grains and services.</summary>
    public Action<SiloBuilder> Configure { get; set; } = static _ => { };

    /// <summary>Adjusts silo settings (the defaults use 8 partitions).</summary>
    public Action<SiloOptions> ConfigureSilo { get; set; } = static _ => { };

    /// <summary>The durable storage; a restart after a kill opens it again. In memory by default.</summary>
    public Func<ISiloStorage> StorageFactory { get; set; } = CreateSharedInMemory();

    public FakeTimeProvider Clock { get; set; } = new();

    /// <summary>
    /// Whether <see cref="TestSilo.StartAsync"/> returns only once the silo has caught up on the records recovery read
    /// (the default), rather than as soon as it is ready.
    /// </summary>
    public bool WaitForCatchUp { get; set; } = true;

    /// <summary>Where the runtime logs (nowhere by default; a <see cref="LogCapture"/> logger to assert on it).</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>Configuration the silo's services see (keys like <c>Segmentation:Profiles:RfmRefreshInterval</c>).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    private static Func<ISiloStorage> CreateSharedInMemory()
    {
        var storage = new InMemorySiloStorage();
        return () => storage;
    }
}
