using System.Globalization;
using Segmentation.LoadGenerator.Measurement;
using Spectre.Console;

namespace Segmentation.LoadGenerator.Cli;

/// <summary>Shows a <see cref="LoadRun"/>'s progress while it runs: a live table on a terminal, plain lines otherwise.</summary>
internal static class ConsoleProgress
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public static ProgressMode Resolve(ProgressMode mode) => mode != ProgressMode.Auto
        ? mode
        : !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive ? ProgressMode.Live : ProgressMode.Plain;

    public static async Task<LoadReport> RunAsync(LoadRun run, ProgressMode mode, TextWriter output, CancellationToken cancellationToken)
    {
        var running = Task.Run(() => run.RunAsync(cancellationToken), CancellationToken.None);
        switch (Resolve(mode))
        {
            case ProgressMode.Live:
                await AnsiConsole.Live(Render(run.SampleProgress(), run.ScheduledEvents)).AutoClear(false).StartAsync(async context =>
                {
                    while (!running.IsCompleted)
                    {
                        await Task.WhenAny(running, Task.Delay(Interval, CancellationToken.None)).ConfigureAwait(false);
                        context.UpdateTarget(Render(run.SampleProgress(), run.ScheduledEvents));
                    }
                }).ConfigureAwait(false);
                break;
            case ProgressMode.Plain:
                while (!running.IsCompleted)
                {
                    await Task.WhenAny(running, Task.Delay(Interval, CancellationToken.None)).ConfigureAwait(false);
                    await output.WriteLineAsync(Line(run.SampleProgress())).ConfigureAwait(false);
                }

                break;
        }

        return await running.ConfigureAwait(false);
    }

    /// <summary>One progress line, e.g. <c>t=3.0s target 10,000/s acked 9,998/s ack p50 1.2 ms p99 4.1 ms ...</c>.</summary>
    public static string Line(ProgressSnapshot s) => string.Create(
        CultureInfo.InvariantCulture,
        $"t={s.Elapsed.TotalSeconds:0.0}s target {s.TargetEventsPerSecond:N0}/s acked {s.IntervalEventsPerSecond:N0}/s " +
        $"ack p50 {s.IntervalP50Ms:0.###} ms p99 {s.IntervalP99Ms:0.###} ms (overall p50 {s.OverallP50Ms:0.###} p99 {s.OverallP99Ms:0.###}) " +
        $"sent {s.EventsSent:N0} acked {s.EventsAcknowledged:N0} in-flight {s.InFlight} 429s {s.Throttled:N0} errors {s.Errors:N0}");

    private static Table Render(ProgressSnapshot s, long scheduled)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Segmentation load generator")
            .AddColumn("").AddColumn(new TableColumn("last second").RightAligned()).AddColumn(new TableColumn("overall").RightAligned());
        var c = CultureInfo.InvariantCulture;
        table.AddRow("elapsed", s.Elapsed.TotalSeconds.ToString("0.0 s", c), string.Empty);
        table.AddRow("events/s (target)", s.IntervalEventsPerSecond.ToString("N0", c), s.TargetEventsPerSecond.ToString("N0", c));
        table.AddRow("ack p50", Ms(s.IntervalP50Ms), Ms(s.OverallP50Ms));
        table.AddRow("ack p99", Ms(s.IntervalP99Ms), Ms(s.OverallP99Ms));
        table.AddRow("events acked / sent / scheduled", string.Empty, string.Create(c, $"{s.EventsAcknowledged:N0} / {s.EventsSent:N0} / {scheduled:N0}"));
        table.AddRow("in flight", s.InFlight.ToString(c), string.Empty);
        table.AddRow("429 answers", string.Empty, s.Throttled.ToString("N0", c));
        table.AddRow(s.Errors > 0 ? "[red]errors[/]" : "errors", string.Empty, s.Errors.ToString("N0", c));
        return table;
    }

    private static string Ms(double milliseconds) => milliseconds.ToString("0.### 'ms'", CultureInfo.InvariantCulture);
}
