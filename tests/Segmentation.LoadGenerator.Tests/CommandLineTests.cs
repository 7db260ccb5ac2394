using Segmentation.LoadGenerator.Cli;

namespace Segmentation.LoadGenerator.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("http://example.com:5080")]
    [InlineData("http://10.1.2.3:5080")]
    [InlineData("http://[2001:db8::1]")]
    public async Task A_remote_url_is_refused_with_a_clear_message_and_nothing_is_sent(string url)
    {
        var (exitCode, output, error) = await InvokeAsync("--url", url, "--duration", "1s");

        Assert.Equal(ExitCodes.Refused, exitCode);
        Assert.Contains("Refusing to send load to", error, StringComparison.Ordinal);
        Assert.Contains("only targets this machine", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task Invalid_values_are_refused()
    {
        var (exitCode, _, error) = await InvokeAsync("--rate", "0", "--known-share", "2", "--sink", "null");

        Assert.Equal(ExitCodes.Refused, exitCode);
        Assert.Contains("--rate", error, StringComparison.Ordinal);
        Assert.Contains("known share", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_duration_is_a_parse_error()
    {
        var (exitCode, _, error) = await InvokeAsync("--duration", "soon");

        Assert.NotEqual(ExitCodes.Success, exitCode);
        Assert.Contains("not a duration", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_sink_run_writes_the_table_and_the_json_report()
    {
        var reportPath = Path.Combine(Path.GetTempPath(), $"loadgen-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, output, error) = await InvokeAsync(
                "--sink", "null", "--rate", "2000", "--duration", "500ms", "--customers", "1000", "--products", "100",
                "--seed", "5", "--run-id", "cli-test", "--progress", "none", "--report", reportPath);

            Assert.Equal(string.Empty, error);
            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Contains("Run cli-test: 1,000 events", output, StringComparison.Ordinal);
            Assert.Contains("Events acknowledged", output, StringComparison.Ordinal);
            Assert.Contains("\"acknowledged\": 1000", await File.ReadAllTextAsync(reportPath), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(reportPath);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await LoadGeneratorCli.InvokeAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
