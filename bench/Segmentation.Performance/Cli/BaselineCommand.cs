using System.CommandLine;
using System.Globalization;
using Segmentation.Performance.Baseline;

namespace Segmentation.Performance.Cli;

/// <summary>The <c>baseline</c> command: runs a <see cref="BaselineServer"/> until stopped (the run starts it as its own process).</summary>
internal static class BaselineCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var defaults = new BaselineServerOptions { ConnectionString = "-" };
        var connection = new Option<string>("--connection") { Description = "PostgreSQL connection string.", Required = true };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0: any free one).", DefaultValueFactory = _ => defaults.Port };
        var writeKey = new Option<string>("--write-key") { Description = "Write key accepted as the HTTP Basic user.", DefaultValueFactory = _ => defaults.WriteKey };
        var refresh = DurationOption.Create("--refresh-interval", "How often the segment counts are recomputed (default 60s).");
        var connections = new Option<int>("--max-connections") { Description = "Connections to PostgreSQL at most.", DefaultValueFactory = _ => defaults.MaxConnections };
        var command = new Command("baseline", "Serve the PostgreSQL baseline: /v1/batch applies one transaction per event; segment counts refreshed on a schedule.")
        {
            connection, port, writeKey, refresh, connections,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new BaselineServerOptions
            {
                ConnectionString = parse.GetValue(connection)!,
                Port = parse.GetValue(port),
                WriteKey = parse.GetValue(writeKey)!,
                RefreshInterval = parse.GetValue(refresh) ?? defaults.RefreshInterval,
                MaxConnections = parse.GetValue(connections),
            };
            var problems = options.Validate();
            if (problems.Count > 0)
            {
                await error.WriteLineAsync(string.Join(Environment.NewLine, problems)).ConfigureAwait(false);
                return ExitCodes.Refused;
            }

            await using var server = await BaselineServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Baseline at {server.BaseUrl}v1/batch; counts every {options.RefreshInterval.TotalSeconds:0.###} s; Ctrl+C to stop.")).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
