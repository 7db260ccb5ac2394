namespace Segmentation.Performance.Orchestration;

/// <summary>What both sides of a run share: settings, tools, the run's id prefix, HTTP, the load generator and the log.</summary>
internal sealed record RunContext(
    BenchmarkSettings Settings,
    BuiltTools Tools,
    string RunPrefix,
    HttpClient Http,
    LoadGeneratorRunner LoadGenerator,
    RunLog Log)
{
    /// <summary>The write key the silo and the baseline accept, and the load generator sends.</summary>
    public const string WriteKey = "segmentation-benchmark-write-key";

    /// <summary>A file in the output directory.</summary>
    public string Output(string name) => Path.Combine(Settings.OutputDirectory, name);

    /// <summary>A load generator run after the staircase (population, steady load).</summary>
    public LoadStep Load(Uri target, string name, double rate, TimeSpan duration, long seed, bool visitAll = false) => new(
        target, WriteKey, rate, TimeSpan.FromSeconds(2), duration, TimeSpan.FromSeconds(5), Settings.Customers, seed,
        $"{RunPrefix}-{name}", visitAll, Output($"{name}.json"));

    /// <summary>The rate of the steady phase: half of what was sustained (or the lowest rate tried when nothing was).</summary>
    public double SteadyRate(double sustained) => sustained > 0 ? sustained / 2 : LowestRate;

    /// <summary>The rate that brings the population in: 80 % of what was sustained (or the lowest rate tried).</summary>
    public double PopulationRate(double sustained) => sustained > 0 ? sustained * 0.8 : LowestRate;

    private double LowestRate => Settings.StartRate / Math.Pow(2, RateStaircase.MaxHalvings);
}
