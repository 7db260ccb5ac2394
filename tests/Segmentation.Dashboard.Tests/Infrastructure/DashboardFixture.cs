namespace Segmentation.Dashboard.Tests.Infrastructure;

/// <summary>
/// One silo and one browser for every browser test (starting either takes seconds). Tests share them but not their
/// data: each test makes its own customers, segments and names, and asserts only about those.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public DashboardSilo Silo { get; private set; } = default!;

    public DashboardBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Silo = await DashboardSilo.StartAsync();
        Browser = await DashboardBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Silo.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
