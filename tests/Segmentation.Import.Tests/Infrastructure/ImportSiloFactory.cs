using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Grains.Customers;
using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;

namespace Segmentation.Import.Tests.Infrastructure;

/// <summary>
/// The real silo host in memory (<see cref="WebApplicationFactory{TEntryPoint}"/> of the Silo project) with its
/// tracking API, one write key and its own temporary data directory.
/// </summary>
internal sealed class ImportSiloFactory(string dataDirectory) : WebApplicationFactory<global::Program>
{
    public const string WriteKey = "import-tests-write-key-0001";

    public CustomerDirectory Customers => Services.GetRequiredService<CustomerDirectory>();

    /// <summary>Starts the host and waits until the silo has recovered and accepts tracking calls.</summary>
    public async Task<HttpClient> StartAsync(CancellationToken cancellationToken)
    {
        var client = CreateClient();
        await Services.GetRequiredService<RuntimeSilo>().WhenReadyAsync().WaitAsync(cancellationToken);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        builder.UseSetting("Segmentation:DataDirectory", dataDirectory);
        builder.UseSetting("Segmentation:Tracking:WriteKeys:0:Key", WriteKey);
        builder.UseSetting("Segmentation:Tracking:WriteKeys:0:Name", "import-tests");
    }
}
