using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;

namespace Segmentation.Silo.Tests.Infrastructure;

/// <summary>
/// The silo host in memory (<see cref="WebApplicationFactory{TEntryPoint}"/>) with its own temporary data directory,
/// given as a command-line setting. Extra settings and service overrides are added before the first request.
/// </summary>
public sealed class SiloApplicationFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string> _settings = [];
    private readonly List<Action<IServiceCollection>> _serviceOverrides = [];

    public string DataDirectory => _directory.Combine("data");

    /// <summary>The running silo (starts the host when it is not started yet).</summary>
    public RuntimeSilo Silo => Services.GetRequiredService<RuntimeSilo>();

    /// <summary>A setting as the command line would give it (<c>--key=value</c>).</summary>
    public SiloApplicationFactory WithSetting(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces services after the host's own registrations (the last registration wins).</summary>
    public SiloApplicationFactory WithServices(Action<IServiceCollection> configure)
    {
        _serviceOverrides.Add(configure);
        return this;
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            _directory.Dispose();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Segmentation:DataDirectory", DataDirectory);

        // Many silos start in parallel and each settings-file watcher takes one of the few inotify instances a user has.
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            foreach (var configure in _serviceOverrides)
            {
                configure(services);
            }
        });
    }
}
