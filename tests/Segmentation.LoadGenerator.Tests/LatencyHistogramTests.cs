using Segmentation.LoadGenerator.Measurement;

namespace Segmentation.LoadGenerator.Tests;

public sealed class LatencyHistogramTests
{
    private const double Precision = 1.0 / (1 << LatencyHistogram.SubBucketBits);

    [Fact]
    public void An_empty_histogram_reports_zeros()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal(0, histogram.Count);
        Assert.Equal(0, histogram.PercentileNanoseconds(50));
        Assert.Equal(0, histogram.MaxNanoseconds);
        Assert.Equal(new LatencySummary(), histogram.Summarize());
    }

    [Fact]
    public void Percentiles_of_one_to_ten_thousand_microseconds_are_exact_within_bucket_precision()
    {
        var histogram = new LatencyHistogram();
        for (var micros = 1; micros <= 10_000; micros++)
        {
            histogram.RecordNanoseconds(micros * 1_000L);
        }

        foreach (var (percentile, expectedMicros) in new[] { (50.0, 5_000), (90.0, 9_000), (99.0, 9_900), (99.9, 9_990) })
        {
            var expected = expectedMicros * 1_000L;
            var actual = histogram.PercentileNanoseconds(percentile);
            Assert.InRange(actual, expected, (long)(expected * (1 + Precision)));
        }

        Assert.Equal(10_000_000, histogram.PercentileNanoseconds(100));
        Assert.Equal(1_000, histogram.MinNanoseconds);
        Assert.Equal(10_000_000, histogram.MaxNanoseconds);
        Assert.Equal(5_000_500, histogram.MeanNanoseconds);
    }

    [Fact]
    public void A_percentile_is_the_highest_value_of_the_bucket_holding_its_rank()
    {
        var histogram = new LatencyHistogram();
        histogram.RecordNanoseconds(1_000_000);
        histogram.RecordNanoseconds(2_000_000);
        histogram.RecordNanoseconds(3_000_000);
        histogram.RecordNanoseconds(100_000_000);

        Assert.Equal(LatencyHistogram.HighestEquivalentNanoseconds(2_000_000), histogram.PercentileNanoseconds(50));
        Assert.Equal(LatencyHistogram.HighestEquivalentNanoseconds(3_000_000), histogram.PercentileNanoseconds(75));
        Assert.Equal(100_000_000, histogram.PercentileNanoseconds(99));
        Assert.Equal(LatencyHistogram.HighestEquivalentNanoseconds(1_000_000), histogram.PercentileNanoseconds(0));
    }

    [Theory]
    [InlineData(1_000L)]
    [InlineData(1_234L)]
    [InlineData(999_999L)]
    [InlineData(1_048_576L)]
    [InlineData(37_000_000L)]
    [InlineData(59_999_999_999L)]
    public void Buckets_are_at_most_one_part_in_128_wide(long value)
    {
        var low = LatencyHistogram.LowestEquivalentNanoseconds(value);
        var high = LatencyHistogram.HighestEquivalentNanoseconds(value);

        Assert.InRange(value, low, high);
        Assert.True(high - low + 1 <= low * Precision, $"bucket [{low}, {high}] is wider than 1/128 of its start");
        if (high < LatencyHistogram.HighestNanoseconds)
        {
            Assert.Equal(high + 1, LatencyHistogram.LowestEquivalentNanoseconds(high + 1));
        }
    }

    [Fact]
    public void Values_outside_the_range_count_in_the_end_buckets_but_keep_their_exact_extremes()
    {
        var histogram = new LatencyHistogram();
        histogram.RecordNanoseconds(10);
        histogram.RecordNanoseconds(-5);
        histogram.Record(TimeSpan.FromMinutes(5));

        Assert.Equal(3, histogram.Count);
        Assert.Equal(0, histogram.MinNanoseconds);
        Assert.Equal(300_000_000_000, histogram.MaxNanoseconds);
        Assert.InRange(histogram.PercentileNanoseconds(50), 0, LatencyHistogram.HighestEquivalentNanoseconds(LatencyHistogram.LowestNanoseconds));
        Assert.Equal(300_000_000_000, histogram.PercentileNanoseconds(100));
    }

    [Fact]
    public void Merging_gives_the_histogram_of_all_values()
    {
        var all = new LatencyHistogram();
        var odd = new LatencyHistogram();
        var even = new LatencyHistogram();
        for (var micros = 1; micros <= 5_000; micros++)
        {
            var value = micros * 7_919L;
            all.RecordNanoseconds(value);
            (micros % 2 == 0 ? even : odd).RecordNanoseconds(value);
        }

        odd.Merge(even);

        Assert.Equal(all.Count, odd.Count);
        Assert.Equal(all.MinNanoseconds, odd.MinNanoseconds);
        Assert.Equal(all.MaxNanoseconds, odd.MaxNanoseconds);
        Assert.Equal(all.MeanNanoseconds, odd.MeanNanoseconds);
        foreach (var percentile in new[] { 1, 10, 50, 90, 99, 99.9, 100 })
        {
            Assert.Equal(all.PercentileNanoseconds(percentile), odd.PercentileNanoseconds(percentile));
        }
    }

    [Fact]
    public void Merging_an_empty_histogram_changes_nothing_and_a_clone_is_independent()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromMilliseconds(3));
        histogram.Merge(new LatencyHistogram());

        var clone = histogram.Clone();
        clone.Record(TimeSpan.FromMilliseconds(9));
        histogram.Reset();

        Assert.Equal(0, histogram.Count);
        Assert.Equal(2, clone.Count);
        Assert.Equal(9_000_000, clone.MaxNanoseconds);
        Assert.Equal(3_000_000, clone.MinNanoseconds);
    }

    [Fact]
    public void The_summary_is_in_milliseconds()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 1_000; i++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(2));
        }

        var summary = histogram.Summarize();

        Assert.Equal(1_000, summary.Count);
        Assert.Equal(2.0, summary.MinMs);
        Assert.Equal(2.0, summary.MeanMs);
        Assert.Equal(2.0, summary.P50Ms);
        Assert.Equal(2.0, summary.P999Ms);
        Assert.Equal(2.0, summary.MaxMs);
    }
}
