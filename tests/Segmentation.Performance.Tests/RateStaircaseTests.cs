using Segmentation.Performance.Orchestration;

namespace Segmentation.Performance.Tests;

public sealed class RateStaircaseTests
{
    private readonly RateStaircase _staircase = new(startRate: 1_000, maxRate: 10_000, refinements: 2);

    [Fact]
    public void Next_NothingRun_StartsAtTheStartRate()
    {
        Assert.Equal(1_000, _staircase.Next([]));
    }

    [Fact]
    public void Next_WhileKeptUp_DoublesAndTriesTheMaximumOnce()
    {
        Assert.Equal(2_000, _staircase.Next([(1_000, true)]));
        Assert.Equal(10_000, _staircase.Next([(1_000, true), (2_000, true), (4_000, true), (8_000, true)]));
        Assert.Null(_staircase.Next([(1_000, true), (2_000, true), (4_000, true), (8_000, true), (10_000, true)]));
    }

    [Fact]
    public void Next_AfterTheFirstFailure_BisectsGeometricallyTwiceThenStops()
    {
        var first = _staircase.Next([(1_000, true), (2_000, true), (4_000, false)]);
        Assert.Equal(Math.Sqrt(2_000 * 4_000), first!.Value, 6);

        var second = _staircase.Next([(1_000, true), (2_000, true), (4_000, false), (first.Value, true)]);
        Assert.Equal(Math.Sqrt(first.Value * 4_000), second!.Value, 6);

        Assert.Null(_staircase.Next([(1_000, true), (2_000, true), (4_000, false), (first.Value, true), (second.Value, false)]));
    }

    [Fact]
    public void Next_StartRateTooHigh_HalvesUntilSomethingIsKeptUpThenBisects()
    {
        Assert.Equal(500, _staircase.Next([(1_000, false)]));
        Assert.Equal(250, _staircase.Next([(1_000, false), (500, false)]));
        Assert.Equal(Math.Sqrt(250 * 500), _staircase.Next([(1_000, false), (500, false), (250, true)])!.Value, 6);
    }

    [Fact]
    public void Next_NeverKeptUp_GivesUpAfterTheLastHalving()
    {
        var steps = new List<(double, bool)> { (1_000, false) };
        for (var i = 1; i <= RateStaircase.MaxHalvings; i++)
        {
            steps.Add((1_000 / Math.Pow(2, i), false));
        }

        Assert.Null(_staircase.Next(steps));
    }

    [Fact]
    public void Next_FailureBelowARateKeptUp_IsIgnored()
    {
        Assert.Equal(4_000, _staircase.Next([(1_000, false), (500, true), (1_000, true), (2_000, true)]));
    }
}
