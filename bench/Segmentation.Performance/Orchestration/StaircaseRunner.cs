using Segmentation.Performance.Reporting;

namespace Segmentation.Performance.Orchestration;

/// <summary>
/// Runs a <see cref="RateStaircase"/> against one target with the load generator. Step i always has the same seed
/// and run id, so the silo and the baseline receive the same event stream at the same rate.
/// </summary>
internal sealed class StaircaseRunner(LoadGeneratorRunner loadGenerator, BenchmarkSettings settings, string runPrefix, RunLog log)
{
    private static readonly TimeSpan Ramp = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Steps up until <paramref name="target"/> stops keeping up; <paramref name="side"/> names the report files.</summary>
    public async Task<ThroughputResult> RunAsync(string side, Uri target, string writeKey, CancellationToken cancellationToken)
    {
        var staircase = new RateStaircase(settings.StartRate, settings.MaxRate);
        var planned = new List<(double Rate, bool KeptUp)>();
        var results = new List<LoadStepResult>();
        while (staircase.Next(planned) is { } rate)
        {
            var index = planned.Count;
            var step = Step(target, writeKey, rate, index, Path.Combine(settings.OutputDirectory, $"{side}-step-{index}.json"));
            log.Line($"{side}: step {index}, {rate:N0} events/s for {settings.StepDuration.TotalSeconds:N0} s");
            var result = StepJudge.Judge(await loadGenerator.RunAsync(step, cancellationToken).ConfigureAwait(false), rate, step.ReportPath);
            log.Line($"{side}: step {index}: {result.AcknowledgedEventsPerSecond:N0} acknowledged/s, ack p99 {result.AckP99Ms:N0} ms: {result.Verdict}");
            planned.Add((rate, result.KeptUp));
            results.Add(result);
        }

        return StepJudge.Summarize(results);
    }

    /// <summary>Step <paramref name="index"/> of the staircase: the same seed and run id on every side.</summary>
    public LoadStep Step(Uri target, string writeKey, double rate, int index, string reportPath) => new(
        target, writeKey, rate, Ramp, settings.StepDuration, DrainTimeout, settings.Customers, 100 + index, $"{runPrefix}-s{index}", VisitAll: false, reportPath);
}
