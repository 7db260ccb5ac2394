using Segmentation.Import.Cli;
using Segmentation.Import.Tests.Infrastructure;

namespace Segmentation.Import.Tests;

/// <summary>
/// The command line over HTTP against <see cref="TrackingReceiver"/> (Kestrel + the product's TrackingRequestParser),
/// which can answer as a failing or overloaded API; <see cref="SiloImportTests"/> runs it against the real silo.
/// </summary>
public sealed class ImportCliTests : IDisposable
{
    internal static readonly string SmallCsv = CsvText.Lines(
        "536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",
        "536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom",
        "536366,22633,\"HAND WARMER, UNION JACK\",6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom",
        "536367,84879,ASSORTED BIRD ORNAMENT,32,2010-12-01 08:34:00,1.69,13047.0,United Kingdom",
        "C536379,85123A,WHITE HANGING HEART,-2,2010-12-05 10:00:00,2.55,17850.0,United Kingdom",
        "536368,22960,JAM MAKING SET,6,2010-12-01 08:34:00,4.25,,United Kingdom",
        "C536380,99999,NEVER BOUGHT,-1,2010-12-05 10:00:00,9.99,13047.0,United Kingdom");

    private readonly TempFiles _files = new();

    [Fact]
    public async Task Orders_SendsEachEventWithItsDeterministicId_WritesRejects_AndPrintsCountsOnly()
    {
        await using var receiver = await TrackingReceiver.StartAsync();
        var csv = CsvText.WriteTemp(_files, SmallCsv);
        var rejects = _files.NewPath(".csv");
        var console = new TestConsole();
        string[] args = ["orders", csv, "--endpoint", receiver.Endpoint.ToString(), "--write-key", TrackingReceiver.WriteKey, "--rejects", rejects];

        var exitCode = await RunAsync(console, args);
        var secondExitCode = await RunAsync(new TestConsole(), args);

        Assert.Equal((ImportExitCodes.Success, ImportExitCodes.Success), (exitCode, secondExitCode));
        string[] ids = ["import-order-536365", "import-order-536366", "import-order-536367", "import-refund-C536379-536365"];
        Assert.Equal([.. ids, .. ids], receiver.Accepted.Select(m => m.MessageId));
        Assert.All(receiver.Requests, request => Assert.False(request.HasSentAt));
        Assert.Equal(
            [
                "line,reason,detail,invoice,customer_id,product",
                "7,missing-customer-id,,536368,,22960",
                "8,cancellation-original-order-unknown,no earlier order of this customer with this product in the file,C536380,13047,99999",
            ],
            File.ReadLines(rejects));
        var output = console.Output;
        Assert.Contains("Orders imported", output, StringComparison.Ordinal);
        Assert.Contains("missing-customer-id", output, StringComparison.Ordinal);
        Assert.DoesNotContain("HEART", output, StringComparison.Ordinal);
        Assert.DoesNotContain("17850", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orders_DryRun_SendsNothingAndSucceeds()
    {
        var console = new TestConsole();

        var exitCode = await RunAsync(console, "orders", CsvText.WriteTemp(_files, SmallCsv), "--dry-run");

        Assert.Equal(ImportExitCodes.Success, exitCode);
        Assert.Contains("dry run", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orders_SiloUnreachable_ExitsWithApiUnavailableAndSaysSo()
    {
        var console = new TestConsole();

        var exitCode = await RunAsync(console, "orders", CsvText.WriteTemp(_files, SmallCsv),
            "--endpoint", HttpBatchSinkTests.ClosedPortEndpoint().ToString(), "--write-key", "k", "--max-retries", "0");

        Assert.Equal(ImportExitCodes.ApiUnavailable, exitCode);
        Assert.Contains("Cannot reach the tracking API", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orders_SiloRejectsEvents_ExitsWithEventsFailed()
    {
        await using var receiver = await TrackingReceiver.StartAsync();
        receiver.Script(400, "{\"error\":{\"code\":\"malformed_json\"}}");
        var console = new TestConsole();

        var exitCode = await RunAsync(console, "orders", CsvText.WriteTemp(_files, SmallCsv),
            "--endpoint", receiver.Endpoint.ToString(), "--write-key", TrackingReceiver.WriteKey, "--batch-size", "2");

        Assert.Equal(ImportExitCodes.EventsFailed, exitCode);
        Assert.Contains("http-400 malformed_json", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orders_WrongWriteKey_ExitsWithApiUnavailable()
    {
        await using var receiver = await TrackingReceiver.StartAsync();
        var console = new TestConsole();

        var exitCode = await RunAsync(console, "orders", CsvText.WriteTemp(_files, SmallCsv),
            "--endpoint", receiver.Endpoint.ToString(), "--write-key", "not-the-key");

        Assert.Equal(ImportExitCodes.ApiUnavailable, exitCode);
        Assert.Contains("refused the write key", console.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--time-zone", "Mars/Olympus")]
    [InlineData("--currency", "pounds")]
    [InlineData("--column", "colour=Colour")]
    public async Task Orders_BadOption_ExitsWithInvalidInput(string option, string value)
    {
        var exitCode = await RunAsync(new TestConsole(), "orders", CsvText.WriteTemp(_files, SmallCsv), "--dry-run", option, value);

        Assert.Equal(ImportExitCodes.InvalidInput, exitCode);
    }

    [Fact]
    public async Task Orders_WithoutEndpointOrDryRun_ExitsWithInvalidInput()
    {
        var console = new TestConsole();

        var exitCode = await RunAsync(console, "orders", CsvText.WriteTemp(_files, SmallCsv), "--write-key", "k");

        Assert.Equal(ImportExitCodes.InvalidInput, exitCode);
        Assert.Contains("--endpoint", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orders_InvoiceSummaryWithoutRevenue_IsRefused()
    {
        var csv = CsvText.WriteTemp(_files, "InvoiceNo,InvoiceDate,CustomerID,Country,Quantity,UnitPrice\n536365,12/1/2010 8:26,17850,United Kingdom,40,3.91\n");
        var console = new TestConsole();

        var exitCode = await RunAsync(console, "orders", csv, "--dry-run");

        Assert.Equal(ImportExitCodes.InvalidInput, exitCode);
        Assert.Contains("revenue column", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orders_MissingFile_ExitsWithInvalidInput()
    {
        var console = new TestConsole();

        var exitCode = await RunAsync(console, "orders", _files.NewPath(".csv"), "--dry-run");

        Assert.Equal(ImportExitCodes.InvalidInput, exitCode);
        Assert.Contains("does not exist", console.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();

    private static Task<int> RunAsync(TestConsole console, params string[] args) =>
        ImportCli.RunAsync(args, console.Console, TextWriter.Null, TextWriter.Null);
}
