using Segmentation.Performance.Reporting;

namespace Segmentation.Performance.Tests;

public sealed class ProductTargetsTests
{
    [Fact]
    public void Evaluate_EveryTargetMet_SaysMetWithoutNotes()
    {
        var verdicts = ProductTargets.Evaluate(ReportSamples.Silo(sustained: 150_000, freshnessP99: 60), ReportSamples.Baseline(sustained: 10_000));

        Assert.All(verdicts, v => Assert.True(v.Met, v.Target));
        Assert.All(verdicts, v => Assert.Null(v.Note));
        Assert.Equal("15.0x (150,000 vs 10,000 events/s)", verdicts[1].Measured);
    }

    [Fact]
    public void Evaluate_SlowSilo_SaysPlainlyWhatIsMissed()
    {
        var verdicts = ProductTargets.Evaluate(ReportSamples.Silo(sustained: 22_000, freshnessP99: 266, ready: 7.5), ReportSamples.Baseline(sustained: 4_000));

        Assert.Equal([false, false, false, false], verdicts.Select(v => v.Met));
        Assert.Equal("22 % of the target", verdicts[0].Note);
        Assert.All(verdicts.Skip(1), v => Assert.Null(v.Note));
        Assert.Equal("5.5x (22,000 vs 4,000 events/s)", verdicts[1].Measured);
        Assert.Equal("266.0 ms", verdicts[2].Measured);
        Assert.StartsWith("7.5 s with 1,000,000 customers", verdicts[3].Measured, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RecoveryWithFewerCustomers_CannotShowTheTargetButStillChecksNothingWasLost()
    {
        var intact = ProductTargets.Evaluate(ReportSamples.Silo(customers: 20_000), null)[3];
        var lossy = ProductTargets.Evaluate(ReportSamples.Silo(customers: 20_000, missing: 3), null)[3];

        Assert.Null(intact.Met);
        Assert.Contains("measured with 20,000 customers", intact.Note, StringComparison.Ordinal);
        Assert.False(lossy.Met);
        Assert.Equal("acknowledged events were lost or counted twice", lossy.Note);
    }

    [Fact]
    public void Evaluate_WithoutBaselineOrWithUnseenProbes_CannotShowThoseTargets()
    {
        var verdicts = ProductTargets.Evaluate(ReportSamples.Silo(freshnessP99: 50, unseen: 2), null);

        Assert.Null(verdicts[1].Met);
        Assert.Equal("baseline not run", verdicts[1].Measured);
        Assert.False(verdicts[2].Met);
        Assert.Equal("2 probes were never counted", verdicts[2].Note);
    }
}
