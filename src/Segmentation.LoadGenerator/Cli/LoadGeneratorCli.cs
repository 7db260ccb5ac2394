using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using Segmentation.LoadGenerator.Reporting;
using Segmentation.LoadGenerator.Sending;
using Segmentation.LoadGenerator.Serialization;
using Segmentation.LoadGenerator.Shoppers;
using Spectre.Console;

namespace Segmentation.LoadGenerator.Cli;

/// <summary>
/// The command line: the root command runs a load against a local silo; <c>receive</c> runs a stand-in receiver.
/// It parses options into <see cref="LoadOptions"/>, refuses non-loopback targets, and wires a sink, a
/// <see cref="LoadRun"/>, the progress display and the report together.
/// </summary>
public static class LoadGeneratorCli
{
    /// <summary>Parses <paramref name="args"/> and runs the command; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var defaults = new LoadOptions();
        var shopperDefaults = new ShopperModelOptions();
        var url = new Option<string>("--url") { Description = "Base URL of the local silo (loopback only).", DefaultValueFactory = _ => defaults.Url.ToString() };
        var writeKey = new Option<string>("--write-key") { Description = "Write key (HTTP Basic user).", DefaultValueFactory = _ => defaults.WriteKey };
        var rate = new Option<double>("--rate") { Description = "Target events per second.", DefaultValueFactory = _ => defaults.Rate };
        var ramp = Duration("--ramp", "Linear ramp from 0 to the rate, e.g. 10s.", defaults.Ramp);
        var duration = Duration("--duration", "How long events become due, e.g. 60s or 2m.", defaults.Duration);
        var drain = Duration("--drain-timeout", "Time after the duration for the last answers.", defaults.DrainTimeout);
        var requestTimeout = Duration("--request-timeout", "Time one request may take.", defaults.RequestTimeout);
        var batchSize = new Option<int>("--batch-size") { Description = "Events per request.", DefaultValueFactory = _ => defaults.BatchSize };
        var maxBatchBytes = new Option<int>("--max-batch-bytes") { Description = "Bytes per request at most.", DefaultValueFactory = _ => defaults.MaxBatchBytes };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at most.", DefaultValueFactory = _ => defaults.Concurrency };
        var maxRetries = new Option<int>("--max-retries") { Description = "Resends of one batch after 429s.", DefaultValueFactory = _ => defaults.MaxRetries };
        var customers = new Option<int>("--customers") { Description = "Customer population.", DefaultValueFactory = _ => shopperDefaults.Customers };
        var products = new Option<int>("--products") { Description = "Catalog size.", DefaultValueFactory = _ => shopperDefaults.Products };
        var sessions = new Option<int>("--sessions") { Description = "Shopping sessions in progress at once.", DefaultValueFactory = _ => shopperDefaults.ConcurrentSessions };
        var customerSkew = new Option<double>("--customer-skew") { Description = "Zipf exponent of customer activity.", DefaultValueFactory = _ => shopperDefaults.CustomerSkew };
        var productSkew = new Option<double>("--product-skew") { Description = "Zipf exponent of product popularity.", DefaultValueFactory = _ => shopperDefaults.ProductSkew };
        var knownShare = new Option<double>("--known-share") { Description = "Share of customers with an account (they identify).", DefaultValueFactory = _ => shopperDefaults.KnownShare };
        var visitAll = new Option<bool>("--visit-all") { Description = "Start the first sessions with every customer in turn, so the whole population shows up." };
        var seed = new Option<long>("--seed") { Description = "Seed of the shoppers' choices.", DefaultValueFactory = _ => shopperDefaults.Seed };
        var runId = new Option<string?>("--run-id") { Description = "Prefix of message/order ids (default: random, so runs never dedupe)." };
        var sink = new Option<string>("--sink") { Description = "http: post to the silo; null: build batches and drop them.", DefaultValueFactory = _ => "http" };
        sink.AcceptOnlyFromAmong("http", "null");
        var progress = new Option<ProgressMode>("--progress") { Description = "auto, live, plain or none.", DefaultValueFactory = _ => ProgressMode.Auto };
        var report = new Option<FileInfo?>("--report") { Description = "Write the report as JSON to this file." };

        var root = new RootCommand("Drives realistic shopper traffic open-loop at a controlled rate into a local Segmentation silo and reports acknowledgement latency.")
        {
            url, writeKey, rate, ramp, duration, drain, requestTimeout, batchSize, maxBatchBytes, concurrency, maxRetries,
            customers, products, sessions, customerSkew, productSkew, knownShare, visitAll, seed, runId, sink, progress, report,
        };
        root.Subcommands.Add(ReceiveCommand.Create(output));
        root.SetAction(async (parse, token) =>
        {
            if (!LoopbackUrl.TryParse(parse.GetValue(url), out var target, out var urlError))
            {
                await error.WriteLineAsync(urlError).ConfigureAwait(false);
                return ExitCodes.Refused;
            }

            var options = new LoadOptions
            {
                Url = target,
                WriteKey = parse.GetValue(writeKey)!,
                Rate = parse.GetValue(rate),
                Ramp = parse.GetValue(ramp),
                Duration = parse.GetValue(duration),
                DrainTimeout = parse.GetValue(drain),
                RequestTimeout = parse.GetValue(requestTimeout),
                BatchSize = parse.GetValue(batchSize),
                MaxBatchBytes = parse.GetValue(maxBatchBytes),
                Concurrency = parse.GetValue(concurrency),
                MaxRetries = parse.GetValue(maxRetries),
                RunId = parse.GetValue(runId) ?? RunIds.NewRunId(),
                Shoppers = new ShopperModelOptions
                {
                    Customers = parse.GetValue(customers),
                    Products = parse.GetValue(products),
                    ConcurrentSessions = parse.GetValue(sessions),
                    CustomerSkew = parse.GetValue(customerSkew),
                    ProductSkew = parse.GetValue(productSkew),
                    KnownShare = parse.GetValue(knownShare),
                    Seed = parse.GetValue(seed),
                    VisitEveryCustomerFirst = parse.GetValue(visitAll),
                },
            };
            var problems = options.Validate();
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync(problem).ConfigureAwait(false);
                }

                return ExitCodes.Refused;
            }

            return await RunAsync(options, parse.GetValue(sink) == "null", parse.GetValue(progress), parse.GetValue(report), output, token).ConfigureAwait(false);
        });

        // Ctrl+C cancels the action's token: scheduling stops and batches in flight get the drain timeout, after
        // which the process would be ended anyway.
        var parsed = root.Parse(args);
        var drainTimeout = parsed.Errors.Count == 0 ? parsed.GetValue(drain) : TimeSpan.Zero;
        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            ProcessTerminationTimeout = drainTimeout + TimeSpan.FromSeconds(10),
        };
        return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> RunAsync(LoadOptions options, bool nullSink, ProgressMode progress, FileInfo? reportFile, TextWriter output, CancellationToken cancellationToken)
    {
        await using IEventSink sink = nullSink
            ? new NullEventSink()
            : new HttpEventSink(options.Url, options.WriteKey, options.Concurrency, options.RequestTimeout);
        var run = new LoadRun(options, sink);
        await output.WriteLineAsync(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Run {options.RunId}: {run.ScheduledEvents:N0} events at {options.Rate:N0}/s for {options.Duration.TotalSeconds:0.###} s to {sink.Description}")).ConfigureAwait(false);
        var result = await ConsoleProgress.RunAsync(run, progress, output, cancellationToken).ConfigureAwait(false);
        if (reportFile is not null)
        {
            await File.WriteAllTextAsync(reportFile.FullName, JsonSerializer.Serialize(result, LoadReportJsonContext.Default.LoadReport), CancellationToken.None).ConfigureAwait(false);
        }

        if (ConsoleProgress.Resolve(progress) == ProgressMode.Live)
        {
            AnsiConsole.Write(ReportTable.Build(result));
        }
        else
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
            console.Write(ReportTable.Build(result));
        }

        var e = result.Events;
        return result.Stopped ? ExitCodes.Stopped
            : e.Acknowledged == e.Scheduled ? ExitCodes.Success
            : ExitCodes.EventsLost;
    }

    private static Option<TimeSpan> Duration(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = Parse,
    };

    private static TimeSpan Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (DurationParser.TryParse(text, out var value))
        {
            return value;
        }

        result.AddError($"'{text}' is not a duration (e.g. 500ms, 10s, 2m, 1m30s, 00:01:00).");
        return default;
    }
}
