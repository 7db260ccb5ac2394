using Segmentation.LoadGenerator.Cli;
using Segmentation.LoadGenerator.Shoppers;
using Segmentation.Performance.Orchestration;

namespace Segmentation.Performance.Tests;

public sealed class StepJudgeTests
{
    [Fact]
    public async Task Judge_AReportTheLoadGeneratorWrote_ReadsItAndKeepsUpWhenEveryEventWasAcknowledged()
    {
        var path = Path.Combine(Path.GetTempPath(), $"step-{Guid.NewGuid():N}.json");
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exitCode = await LoadGeneratorCli.InvokeAsync(
                ["--sink", "null", "--rate", "4000", "--duration", "500ms", "--customers", "1000", "--progress", "none", "--report", path], output, error);
            Assert.Equal(ExitCodes.Success, exitCode);

            var result = StepJudge.Judge(await LoadGeneratorRunner.ReadReportAsync(path, CancellationToken.None), 4_000, path);

            Assert.True(result.KeptUp, result.Verdict);
            Assert.Equal(2_000, result.Scheduled);
            Assert.Equal(2_000, result.Acknowledged);
            Assert.Equal(0, result.Lost);
            Assert.Equal(4_000, result.OfferedEventsPerSecond);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Summarize_TheHighestStepKeptUp_IsTheSustainedRate()
    {
        var steps = new[]
        {
            ReportSamples.Throughput(2_000).Steps[0],
            ReportSamples.Throughput(4_000, 50, 300).Steps[0],
            ReportSamples.Throughput(8_000).Steps[0] with { KeptUp = false, Verdict = "answered 429 12 times" },
        };

        var summary = StepJudge.Summarize(steps);

        Assert.Equal(4_000, summary.SustainedEventsPerSecond);
        Assert.Equal(300, summary.AckP99Ms);
    }

    [Fact]
    public void Summarize_NoStepKeptUp_IsZero()
    {
        var summary = StepJudge.Summarize([ReportSamples.Throughput(2_000).Steps[0] with { KeptUp = false }]);

        Assert.Equal(0, summary.SustainedEventsPerSecond);
    }

    [Fact]
    public void EventsToVisitEveryCustomer_IsEnoughForTheLoadGeneratorToBringEveryone()
    {
        var options = new ShopperModelOptions { Customers = 3_000, Seed = 4 };

        var events = PopulationPlan.EventsToVisitEveryCustomer(options);

        var model = new ShopperModel(options with { VisitEveryCustomerFirst = true });
        var shopperEvent = new ShopperEvent();
        var seen = new HashSet<int>();
        for (var i = 0; i < events; i++)
        {
            model.Next(shopperEvent);
            seen.Add(shopperEvent.Customer);
        }

        Assert.Equal(3_000, seen.Count);
        Assert.Equal(TimeSpan.FromSeconds(12), PopulationPlan.Duration(20_000, 2_000, TimeSpan.FromSeconds(2)));
    }
}
