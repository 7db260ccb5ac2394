using Segmentation.Performance.Orchestration;

namespace Segmentation.Performance.Tests;

public sealed class BenchmarkSettingsTests
{
    [Fact]
    public void Validate_Presets_AreValid()
    {
        Assert.Empty(BenchmarkSettings.Quick.Validate());
        Assert.Empty(BenchmarkSettings.Standard.Validate());
    }

    [Fact]
    public void Validate_EveryBadValue_NamesItsOption()
    {
        var settings = BenchmarkSettings.Standard with
        {
            Customers = 10,
            StepDuration = TimeSpan.FromSeconds(1),
            SteadyDuration = TimeSpan.FromSeconds(5),
            StartRate = 50,
            MaxRate = 20,
            RefreshInterval = TimeSpan.FromHours(2),
            OutputDirectory = " ",
        };

        var problems = settings.Validate();

        Assert.Equal(7, problems.Count);
        foreach (var option in new[] { "--customers", "--step-duration", "--steady-duration", "--start-rate", "--max-rate", "--refresh-interval", "--output" })
        {
            Assert.Contains(problems, p => p.StartsWith(option, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_TooManyCustomers_SaysTheLimit()
    {
        var problem = Assert.Single((BenchmarkSettings.Standard with { Customers = 6_000_000 }).Validate());

        Assert.Equal("--customers must be between 1,000 and 5,000,000; got 6,000,000.", problem);
    }
}
