using System.CommandLine;
using Spectre.Console;

namespace Segmentation.Import.Cli;

/// <summary>The command line of the importer: <c>orders &lt;file.csv&gt; --endpoint ... --write-key ...</c>.</summary>
public static class ImportCli
{
    /// <param name="console">Where progress and the summary go.</param>
    /// <param name="httpClient">The HTTP client to send with (stays the caller's), or null for one of the importer's own.</param>
    public static RootCommand CreateRootCommand(IAnsiConsole console, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand("Imports historical data into Segmentation through its tracking API.");
        root.Subcommands.Add(OrdersCommand.Create(
            (options, cancellationToken) => new OrdersCommandHandler(console, httpClient).RunAsync(options, cancellationToken)));
        return root;
    }

    /// <summary>Parses and runs a command line; returns the exit code.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="console">Where progress and the summary go.</param>
    /// <param name="output">Where help goes; standard output when null.</param>
    /// <param name="error">Where usage errors go; standard error when null.</param>
    /// <param name="httpClient">The HTTP client to send with (stays the caller's), or null for one of the importer's own.</param>
    /// <param name="cancellationToken">Stops the run (Ctrl+C also does).</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        IAnsiConsole console,
        TextWriter? output = null,
        TextWriter? error = null,
        HttpClient? httpClient = null,
        CancellationToken cancellationToken = default)
    {
        var parse = CreateRootCommand(console, httpClient).Parse(args);
        var errors = error ?? Console.Error;
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await errors.WriteLineAsync(parseError.Message).ConfigureAwait(false);
            }

            await errors.WriteLineAsync("Run with --help for usage.").ConfigureAwait(false);
            return ImportExitCodes.InvalidInput;
        }

        var configuration = new InvocationConfiguration { Output = output ?? Console.Out, Error = errors };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
