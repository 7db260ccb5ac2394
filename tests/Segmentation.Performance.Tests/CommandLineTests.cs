using Segmentation.Performance.Cli;
using Segmentation.Performance.Orchestration;

namespace Segmentation.Performance.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Run_InvalidValues_IsRefusedWithEveryProblemAndStartsNothing()
    {
        var output = Path.Combine(Path.GetTempPath(), $"benchmark-refused-{Guid.NewGuid():N}");

        var (exitCode, _, error) = await InvokeAsync("--quick", "--customers", "5", "--start-rate", "10", "--output", output);

        Assert.Equal(ExitCodes.Refused, exitCode);
        Assert.Contains("--customers must be between 1,000 and 5,000,000; got 5.", error, StringComparison.Ordinal);
        Assert.Contains("--start-rate must be at least 100 events/s; got 10.", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Run_MalformedDuration_IsAParseError()
    {
        var (exitCode, _, error) = await InvokeAsync("--steady-duration", "a while");

        Assert.NotEqual(ExitCodes.Success, exitCode);
        Assert.Contains("'a while' is not a duration", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ToolsNotBuilt_SaysWhichAndHowToBuildThem()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var tools = new BuiltTools("/nowhere/Segmentation.Silo", "/nowhere/Segmentation.LoadGenerator", "/nowhere/Segmentation.Performance");

        var exitCode = await PerformanceCli.RunAsync(BenchmarkSettings.Quick with { Baseline = false }, tools, output, error, CancellationToken.None);

        Assert.Equal(ExitCodes.Refused, exitCode);
        Assert.Contains("'/nowhere/Segmentation.Silo' is not built: build the solution in Release first (bash scripts/benchmark.sh does).", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("/nowhere/Segmentation.LoadGenerator", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void Locate_FromThisBuild_FindsTheSiloAndTheLoadGeneratorBesideTheirProjects()
    {
        var tools = BuiltTools.Locate();

        Assert.EndsWith(Path.Combine("src", "Segmentation.Silo", "bin"), Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(tools.Silo))))!, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("src", "Segmentation.LoadGenerator", "bin"), Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(tools.LoadGenerator))))!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Baseline_InvalidRefreshInterval_IsRefused()
    {
        var (exitCode, _, error) = await InvokeAsync("baseline", "--connection", "Host=127.0.0.1", "--refresh-interval", "10ms");

        Assert.Equal(ExitCodes.Refused, exitCode);
        Assert.Contains("The refresh interval must be at least 100 ms.", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PerformanceCli.InvokeAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
