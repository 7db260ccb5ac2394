using Segmentation.Import.Cli;
using Segmentation.Import.Tests.Infrastructure;

namespace Segmentation.Import.Tests;

/// <summary>
/// The command line end to end against the real silo host and its tracking API (<c>POST /v1/batch</c>), in memory.
/// RFM scores are not checked here: the silo host offers no way to wait until the RFM shards have applied the
/// customers' updates; the replay test checks them on the test silo, which does.
/// </summary>
public sealed class SiloImportTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public async Task Orders_IntoTheSilo_BuildProfiles_AndARerunChangesNothing()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var silo = new ImportSiloFactory(_files.NewPath(".data"));
        using var client = await silo.StartAsync(guard.Token);
        var csv = CsvText.WriteTemp(_files, ImportCliTests.SmallCsv);
        string[] args = ["orders", csv, "--endpoint", client.BaseAddress!.ToString(), "--write-key", ImportSiloFactory.WriteKey];
        var console = new TestConsole();

        var exitCode = await ImportCli.RunAsync(args, console.Console, TextWriter.Null, TextWriter.Null, client, guard.Token);

        Assert.True(exitCode == ImportExitCodes.Success, console.Output);
        var ada = (await silo.Customers.GetAsync("17850", guard.Token)).Profile!;
        var bob = (await silo.Customers.GetAsync("13047", guard.Token)).Profile!;
        Assert.Equal((2, 41.64m, 5.1m), (ada.Purchases.OrderCount, ada.Purchases.TotalRevenue, ada.Purchases.RefundedRevenue));
        Assert.Equal((1, 54.08m, 0m), (bob.Purchases.OrderCount, bob.Purchases.TotalRevenue, bob.Purchases.RefundedRevenue));
        Assert.Equal(new DateTimeOffset(2010, 12, 1, 8, 26, 0, TimeSpan.Zero), ada.Purchases.FirstOrderAt);
        Assert.Equal("United Kingdom", ada.Traits.Country);
        Assert.False((await silo.Customers.GetAsync("536368", guard.Token)).Exists);

        exitCode = await ImportCli.RunAsync(args, new TestConsole().Console, TextWriter.Null, TextWriter.Null, client, guard.Token);

        Assert.Equal(ImportExitCodes.Success, exitCode);
        var again = (await silo.Customers.GetAsync("17850", guard.Token)).Profile!;
        Assert.Equal((2, 41.64m, 5.1m), (again.Purchases.OrderCount, again.Purchases.TotalRevenue, again.Purchases.RefundedRevenue));
    }

    [Fact]
    public async Task Orders_WithAnUnknownWriteKey_AreRefusedByTheSilo()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var silo = new ImportSiloFactory(_files.NewPath(".data"));
        using var client = await silo.StartAsync(guard.Token);
        var console = new TestConsole();

        var exitCode = await ImportCli.RunAsync(
            ["orders", CsvText.WriteTemp(_files, ImportCliTests.SmallCsv), "--endpoint", client.BaseAddress!.ToString(), "--write-key", "someone-elses-key-0001"],
            console.Console, TextWriter.Null, TextWriter.Null, client, guard.Token);

        Assert.Equal(ImportExitCodes.ApiUnavailable, exitCode);
        Assert.Contains("refused the write key", console.Output, StringComparison.Ordinal);
        Assert.False((await silo.Customers.GetAsync("17850", guard.Token)).Exists);
    }

    public void Dispose() => _files.Dispose();
}
