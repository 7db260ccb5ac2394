using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Segmentation.Benchmarks.Grains;
using Segmentation.Runtime;
using Segmentation.Runtime.Configuration;
using Segmentation.Runtime.Hosting;
using Segmentation.Runtime.Storage;
using Segmentation.Storage.InMemory;
using Segmentation.Storage.Sqlite;

namespace Segmentation.Benchmarks;

/// <summary>A real silo in a generic host, as the silo process builds it, on in-memory or SQLite storage.</summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchSilo(IHost host, string? dataDirectory)
    {
        _host = host;
        DataDirectory = dataDirectory;
    }

    public string? DataDirectory { get; }

    public Silo Silo => _host.Services.GetRequiredService<Silo>();

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public static Task<BenchSilo> StartInMemoryAsync(Action<SiloOptions>? configure = null) =>
        StartAsync(_ => new InMemorySiloStorage(), null, configure);

    public static Task<BenchSilo> StartSqliteAsync(string dataDirectory, Action<SiloOptions>? configure = null) =>
        StartAsync(_ => new SqliteSiloStorage(new SqliteStorageOptions { DataDirectory = dataDirectory }), dataDirectory, configure);

    public static string NewDataDirectory() =>
        Directory.CreateTempSubdirectory("segmentation-bench-").FullName;

    private static async Task<BenchSilo> StartAsync(
        Func<IServiceProvider, ISiloStorage> storage, string? dataDirectory, Action<SiloOptions>? configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSegmentationSilo(configure).AddGrain<NoOpGrain>().AddGrain<SinkGrain>().UseStorage(storage);
        var host = builder.Build();
        await host.StartAsync();
        var silo = new BenchSilo(host, dataDirectory);
        await silo.Silo.WhenReadyAsync();
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        if (DataDirectory is not null)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
