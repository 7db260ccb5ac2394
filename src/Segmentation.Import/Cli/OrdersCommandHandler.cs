using Segmentation.Import.Orders;
using Segmentation.Import.Sending;
using Spectre.Console;

namespace Segmentation.Import.Cli;

/// <summary>
/// Runs <c>orders</c>: validates the options, imports with live progress, prints the summary table, writes the
/// rejects file, and maps the outcome to an exit code (<see cref="ImportExitCodes"/>). Prints ids and counts only.
/// </summary>
internal sealed class OrdersCommandHandler(IAnsiConsole console, HttpClient? httpClient)
{
    /// <summary>The environment variable read when <c>--write-key</c> is not given (keeps the key out of process lists).</summary>
    public const string WriteKeyVariable = "SEGMENTATION_WRITE_KEY";

    public async Task<int> RunAsync(OrdersCommandOptions options, CancellationToken cancellationToken)
    {
        ImportSettings settings;
        HttpBatchSink? sink;
        try
        {
            settings = options.ToSettings();
            if (!File.Exists(options.File))
            {
                throw new ImportInputException($"The file '{options.File}' does not exist.");
            }

            sink = options.DryRun ? null : CreateSink(options);
        }
        catch (ImportInputException exception)
        {
            return Fail(exception.Message, ImportExitCodes.InvalidInput);
        }

        using (sink)
        {
            var target = options.DryRun ? " (dry run: nothing is sent)" : $" to {options.Endpoint}";
            console.MarkupLine($"Importing orders from [bold]{Markup.Escape(Path.GetFileName(options.File))}[/]{Markup.Escape(target)}");
            ImportReport report;
            try
            {
                report = await console.Progress()
                    .AutoClear(false)
                    .HideCompleted(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(), new ElapsedTimeColumn())
                    .StartAsync(context => new ImportRunner(settings).RunAsync(
                        options.File, sink, new SpectreImportObserver(context, options.DryRun), cancellationToken))
                    .ConfigureAwait(false);
            }
            catch (ImportInputException exception)
            {
                return Fail(exception.Message, ImportExitCodes.InvalidInput);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Fail("Cancelled. Events already sent stay sent; running the import again resends them with the same message ids, which leaves orders and revenue unchanged.", ImportExitCodes.Cancelled);
            }

            console.Write(SummaryTable.Build(report));
            if (options.RejectsPath is { } rejectsPath && WriteRejects(rejectsPath, report) is { } failure)
            {
                return failure;
            }

            return Outcome(report);
        }
    }

    private HttpBatchSink CreateSink(OrdersCommandOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Endpoint) || !Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint)
            || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ImportInputException("--endpoint must be the silo's http(s) address, e.g. http://127.0.0.1:5080 (or use --dry-run).");
        }

        var writeKey = options.WriteKey ?? Environment.GetEnvironmentVariable(WriteKeyVariable);
        if (string.IsNullOrWhiteSpace(writeKey))
        {
            throw new ImportInputException($"A write key is required: --write-key <key> or the {WriteKeyVariable} environment variable (or use --dry-run).");
        }

        if (options.BatchSize is < 1 or > 10_000 || options.MaxRetries is < 0 or > 100)
        {
            throw new ImportInputException("--batch-size must be between 1 and 10,000 and --max-retries between 0 and 100.");
        }

        return new HttpBatchSink(new HttpBatchSinkOptions
        {
            Endpoint = endpoint,
            WriteKey = writeKey,
            MaxBatchSize = options.BatchSize,
            MaxRetries = options.MaxRetries,
        }, httpClient);
    }

    private int? WriteRejects(string path, ImportReport report)
    {
        try
        {
            RejectsFile.Write(path, report.Plan.Rejections);
            console.MarkupLine($"Rejected rows ({report.Plan.Rejections.Count:N0}) written to [bold]{Markup.Escape(path)}[/]");
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail($"Cannot write the rejects file '{path}': {exception.Message}", ImportExitCodes.InvalidInput);
        }
    }

    private int Outcome(ImportReport report)
    {
        if (report.Send is not { } send)
        {
            console.MarkupLine("[green]Dry run complete.[/]");
            return ImportExitCodes.Success;
        }

        if (send.AbortReason is { } reason)
        {
            return Fail(reason, ImportExitCodes.ApiUnavailable);
        }

        if (send.Failed > 0)
        {
            return Fail($"The tracking API did not accept {send.Failed:N0} of {send.Total:N0} events (see Failed sends).", ImportExitCodes.EventsFailed);
        }

        console.MarkupLine($"[green]Imported: all {send.Sent:N0} events accepted.[/]");
        return ImportExitCodes.Success;
    }

    private int Fail(string message, int exitCode)
    {
        console.MarkupLine($"[red]Error:[/] {Markup.Escape(message)}");
        return exitCode;
    }
}
