using System.Globalization;

namespace Segmentation.Performance.Orchestration;

/// <summary>One run of the load generator, as its command line.</summary>
/// <param name="Target">The tracking API's base URL.</param>
/// <param name="WriteKey">The HTTP Basic user name.</param>
/// <param name="Rate">Events per second after the ramp.</param>
/// <param name="Ramp">The linear climb to the rate.</param>
/// <param name="Duration">How long events become due.</param>
/// <param name="DrainTimeout">The most time for the last answers.</param>
/// <param name="Customers">The population.</param>
/// <param name="Seed">The shoppers' seed: the same seed and run id give the same event stream.</param>
/// <param name="RunId">The prefix of the stream's ids.</param>
/// <param name="VisitAll">Whether the first sessions take every customer in turn.</param>
/// <param name="ReportPath">Where the load generator writes its JSON report.</param>
public sealed record LoadStep(
    Uri Target,
    string WriteKey,
    double Rate,
    TimeSpan Ramp,
    TimeSpan Duration,
    TimeSpan DrainTimeout,
    int Customers,
    long Seed,
    string RunId,
    bool VisitAll,
    string ReportPath)
{
    /// <summary>The load generator's arguments for this step.</summary>
    public IReadOnlyList<string> Arguments()
    {
        var arguments = new List<string>
        {
            "--url", Target.ToString(),
            "--write-key", WriteKey,
            "--rate", Rate.ToString("0.###", CultureInfo.InvariantCulture),
            "--ramp", Seconds(Ramp),
            "--duration", Seconds(Duration),
            "--drain-timeout", Seconds(DrainTimeout),
            "--customers", Customers.ToString(CultureInfo.InvariantCulture),
            "--seed", Seed.ToString(CultureInfo.InvariantCulture),
            "--run-id", RunId,
            "--progress", "plain",
            "--report", ReportPath,
        };
        if (VisitAll)
        {
            arguments.Add("--visit-all");
        }

        return arguments;
    }

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
