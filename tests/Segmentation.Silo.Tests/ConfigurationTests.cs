using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Segmentation.Silo.Hosting;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Storage.Sqlite;

namespace Segmentation.Silo.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task Settings_FromSiloConfigFolder_AreLoaded()
    {
        await using var factory = new SiloApplicationFactory();

        var configuration = factory.Services.GetRequiredService<IConfiguration>();

        // Only the settings file holds this key; the built-in default alone would leave it unset.
        Assert.Equal("Full", configuration["Segmentation:Sqlite:Synchronous"]);
        Assert.Equal("64", configuration["Segmentation:Silo:PartitionCount"]);
    }

    [Fact]
    public async Task DataDirectory_FromSetting_ReachesSqliteStorage()
    {
        await using var factory = new SiloApplicationFactory();

        var sqlite = factory.Services.GetRequiredService<IOptions<SqliteStorageOptions>>().Value;

        Assert.Equal(factory.DataDirectory, sqlite.DataDirectory);
        Assert.Equal(SqliteSynchronousMode.Full, sqlite.Synchronous);
    }

    [Fact]
    public async Task ShutdownTimeout_FromSetting_SetsHostShutdownTimeout()
    {
        await using var factory = new SiloApplicationFactory().WithSetting("Segmentation:ShutdownTimeout", "00:00:45");

        var host = factory.Services.GetRequiredService<IOptions<HostOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(45), host.ShutdownTimeout);
    }

    [Fact]
    public void UseDefaultUrls_NothingConfigured_ListensOnLoopbackPort5080()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());

        builder.UseDefaultUrlsUnlessConfigured();

        Assert.Equal("http://127.0.0.1:5080", builder.Configuration["urls"]);
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:8080")]
    [InlineData("Urls", "http://localhost:9000")]
    [InlineData("http_ports", "8080")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:7000")]
    public void UseDefaultUrls_AddressConfigured_KeepsIt(string key, string value)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddInMemoryCollection([new(key, value)]);

        builder.UseDefaultUrlsUnlessConfigured();

        Assert.NotEqual("http://127.0.0.1:5080", builder.Configuration["urls"]);
    }
}
