using System.Text.Json;
using Segmentation.LoadGenerator.Cli;
using Segmentation.Performance.Orchestration;
using Segmentation.Performance.Reporting;

namespace Segmentation.Performance.Tests;

public sealed class LoadStepTests
{
    [Fact]
    public async Task Arguments_AreAcceptedByTheLoadGeneratorAndGiveThatRun()
    {
        var path = Path.Combine(Path.GetTempPath(), $"load-step-{Guid.NewGuid():N}.json");
        var step = new LoadStep(
            new Uri("http://127.0.0.1:5999/"), "step-key", 2_000, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(3), 1_500, 42, "bench-test-s3", VisitAll: true, path);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exitCode = await LoadGeneratorCli.InvokeAsync([.. step.Arguments(), "--sink", "null"], output, error);

            Assert.Equal(string.Empty, error.ToString());
            Assert.Equal(ExitCodes.Success, exitCode);
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var settings = report.RootElement.GetProperty("settings");
            Assert.Equal("bench-test-s3", report.RootElement.GetProperty("runId").GetString());
            Assert.Equal(2_000, settings.GetProperty("rate").GetDouble());
            Assert.Equal(0.2, settings.GetProperty("rampSeconds").GetDouble());
            Assert.Equal(1_500, settings.GetProperty("customers").GetInt32());
            Assert.Equal(42, settings.GetProperty("seed").GetInt64());
            Assert.True(settings.GetProperty("visitEveryCustomerFirst").GetBoolean());
            Assert.Equal(1_800, report.RootElement.GetProperty("events").GetProperty("scheduled").GetInt64());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("0.52 0.58 0.59 1/467 12345\n", new[] { 0.52, 0.58, 0.59 })]
    [InlineData("garbage", new double[0])]
    public void ParseLoadAverage_ReadsTheThreeAverages(string line, double[] expected)
    {
        Assert.Equal(expected, MachineInfo.ParseLoadAverage(line));
    }
}
