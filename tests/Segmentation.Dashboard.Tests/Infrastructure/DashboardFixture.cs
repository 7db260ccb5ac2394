using Segmentation.TestKit.Esp;

namespace Segmentation.Dashboard.Tests.Infrastructure;

/// <summary>
/// One silo, one browser and one ESP receiver (where the silo posts its sends) for every browser test (starting each
/// takes a while). Tests share them but not their data: each test makes its own customers, segments, sends and
/// names, and asserts only about those. The tests of the collection run one at a time, so a test may script the
/// receiver's answers for the sends it makes.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public DashboardSilo Silo { get; private set; } = default!;

    public DashboardBrowser Browser { get; private set; } = default!;

    /// <summary>The ESP endpoint of the silo's dispatcher: answers 200 unless a test scripts otherwise.</summary>
    public EspReceiver Esp { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Esp = await EspReceiver.StartAsync(TimeProvider.System);
        Silo = await DashboardSilo.StartAsync(espEndpoint: Esp.Url);
        Browser = await DashboardBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Silo.DisposeAsync();
        await Esp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
