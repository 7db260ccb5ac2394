using Segmentation.Domain.Rfm;

namespace Segmentation.Domain.Tests.Rfm;

public class RfmPopulationTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 3, 31, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2025, 3, 31);

    // Ten customers: recency in days ago, frequency, monetary cents; ties in recency and frequency.
    private static readonly int[] DaysAgo = [0, 0, 3, 3, 3, 10, 40, 40, 90, 200];
    private static readonly int[] Orders = [1, 1, 1, 1, 1, 1, 2, 2, 3, 8];
    private static readonly long[] Cents = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];

    private static IEnumerable<RfmInput> Customers() =>
        Enumerable.Range(0, 10).Select(i => new RfmInput(Today.AddDays(-DaysAgo[i]), Orders[i], Cents[i]));

    [Fact]
    public void ComputeQuintileCutPoints_PopulationWithTies_GivesMinimumRankQuintiles()
    {
        // Arrange
        var population = RfmPopulation.FromInputs(Customers());

        // Act
        var cuts = population.ComputeQuintileCutPoints(AsOf);

        // Assert: score >= k+1 needs 5 * (customers strictly worse) >= k * 10.
        Assert.Equal([40L, 10L, 0L, 0L], cuts.RecencyDays.Values);
        Assert.Equal([2L, 2L, 2L, 3L], cuts.Frequency.Values);
        Assert.Equal([300L, 500L, 700L, 900L], cuts.MonetaryCents.Values);
        Assert.Equal(Today, cuts.ReferenceDate);
        Assert.Equal(10, cuts.PopulationSize);
    }

    [Fact]
    public void Score_PopulationWithTies_TiedCustomersShareScores()
    {
        // Arrange
        var cuts = RfmPopulation.FromInputs(Customers()).ComputeQuintileCutPoints(AsOf);

        // Act
        var scores = Customers().Select(c => cuts.Score(c, AsOf).ToString()).ToList();

        // Assert: R = 1 + floor(5 * older / 10), F = 1 + floor(5 * fewer / 10), M likewise.
        Assert.Equal(["511", "511", "312", "312", "313", "313", "244", "244", "155", "155"], scores);
    }

    [Fact]
    public void Score_LaterAsOfWithQuintiles_RecencyDoesNotDecay()
    {
        // Arrange
        var cuts = RfmPopulation.FromInputs(Customers()).ComputeQuintileCutPoints(AsOf);
        var customer = new RfmInput(Today, 1, 100);

        // Act
        var later = cuts.Score(customer, AsOf.AddDays(45));

        // Assert
        Assert.Equal(5, later.Recency);
        Assert.Null(cuts.NextScoreChange(customer, AsOf));
    }

    [Fact]
    public void Replace_RandomDeltas_HistogramsAndCutPointsEqualFreshRecomputation()
    {
        // Arrange
        var random = new Random(7);
        var current = new RfmInput?[200];
        var population = new RfmPopulation();

        // Act
        for (var step = 0; step < 5000; step++)
        {
            var customer = random.Next(current.Length);
            RfmInput? next = random.Next(10) == 0
                ? null
                : new RfmInput(Today.AddDays(-random.Next(60)), random.Next(1, 9), random.Next(1, 50) * 100L);
            population.Replace(current[customer], next);
            current[customer] = next;
        }

        // Assert
        var fresh = RfmPopulation.FromInputs(current.OfType<RfmInput>());
        Assert.Equal(fresh.Count, population.Count);
        Assert.Equal(fresh.LastOrderDays.Entries, population.LastOrderDays.Entries);
        Assert.Equal(fresh.Frequency.Entries, population.Frequency.Entries);
        Assert.Equal(fresh.MonetaryCents.Entries, population.MonetaryCents.Entries);
        Assert.Equal(fresh.ComputeQuintileCutPoints(AsOf), population.ComputeQuintileCutPoints(AsOf));
    }

    [Fact]
    public void ComputeQuintileCutPoints_FromHistogramWalk_MatchesPerCustomerFormula()
    {
        // Arrange
        var random = new Random(8);
        var inputs = Enumerable.Range(0, 97)
            .Select(_ => new RfmInput(Today.AddDays(-random.Next(30)), random.Next(1, 6), random.Next(1, 20) * 250L))
            .ToList();
        var cuts = RfmPopulation.FromInputs(inputs).ComputeQuintileCutPoints(AsOf);

        // Act
        var scored = inputs.Select(c => cuts.Score(c, AsOf)).ToList();

        // Assert: compare with the definition evaluated by brute force over customers.
        for (var i = 0; i < inputs.Count; i++)
        {
            var c = inputs[i];
            int Quintile(int worse) => 1 + (5 * worse / inputs.Count);
            Assert.Equal(Quintile(inputs.Count(o => o.LastOrderDate < c.LastOrderDate)), scored[i].Recency);
            Assert.Equal(Quintile(inputs.Count(o => o.Frequency < c.Frequency)), scored[i].Frequency);
            Assert.Equal(Quintile(inputs.Count(o => o.MonetaryCents < c.MonetaryCents)), scored[i].Monetary);
        }
    }

    [Fact]
    public void Remove_ValueNotInPopulation_Throws()
    {
        // Arrange
        var population = new RfmPopulation();

        // Act
        var act = () => population.Remove(new RfmInput(Today, 1, 1));

        // Assert
        Assert.Throws<InvalidOperationException>(act);
    }

    [Fact]
    public void ComputeQuintileCutPoints_EmptyPopulation_EveryoneScoresOne()
    {
        // Arrange
        var cuts = new RfmPopulation().ComputeQuintileCutPoints(AsOf);

        // Act
        var scores = cuts.Score(new RfmInput(Today, 9, 99_999), AsOf);

        // Assert
        Assert.Equal("111", scores.ToString());
    }

    [Fact]
    public void FixedThresholds_DefaultOptions_ScoreByConfiguredBoundaries()
    {
        // Arrange
        var cuts = new RfmPopulation().ComputeCutPoints(RfmOptions.Default with { Mode = RfmScoringMode.FixedThresholds }, AsOf);
        var lastOrder = Today.AddDays(-30);

        // Act
        var atThirtyDays = cuts.Score(new RfmInput(lastOrder, 5, 50_000), AsOf);
        var atThirtyOneDays = cuts.Score(new RfmInput(lastOrder, 5, 50_000), AsOf.AddDays(1));
        var small = cuts.Score(new RfmInput(Today.AddDays(-400), 1, 9_999), AsOf);

        // Assert
        Assert.Equal("544", atThirtyDays.ToString());
        Assert.Equal("444", atThirtyOneDays.ToString());
        Assert.Equal("111", small.ToString());
    }

    [Fact]
    public void NextScoreChange_FixedThresholds_IsMidnightWhenRecencyCrossesNextCut()
    {
        // Arrange
        var cuts = RfmCutPoints.Fixed(RfmOptions.Default);
        var customer = new RfmInput(new DateOnly(2025, 3, 1), 1, 100);

        // Act
        var first = cuts.NextScoreChange(customer, new DateTimeOffset(2025, 3, 10, 8, 0, 0, TimeSpan.Zero));
        var second = cuts.NextScoreChange(customer, first!.Value);

        // Assert: 30 days is still R5; day 31 (April 1st) is R4; day 91 (May 31st) is R3.
        Assert.Equal(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero), first);
        Assert.Equal(5, cuts.Score(customer, first.Value.AddTicks(-1)).Recency);
        Assert.Equal(4, cuts.Score(customer, first.Value).Recency);
        Assert.Equal(new DateTimeOffset(2025, 5, 31, 0, 0, 0, TimeSpan.Zero), second);
    }

    [Fact]
    public void Serializer_Population_RoundTripsHistograms()
    {
        // Arrange
        var population = RfmPopulation.FromInputs(Customers());

        // Act
        var restored = RfmPopulationSerializer.Deserialize(RfmPopulationSerializer.Serialize(population));

        // Assert
        Assert.Equal(population.LastOrderDays.Entries, restored.LastOrderDays.Entries);
        Assert.Equal(population.ComputeQuintileCutPoints(AsOf), restored.ComputeQuintileCutPoints(AsOf));
        Assert.Throws<FormatException>(() => RfmPopulationSerializer.Deserialize([1, 2, 3]));
    }

    [Fact]
    public void Thresholds_NotMonotone_Throw()
    {
        // Act
        var act = () => new RfmThresholds(RfmDirection.HigherIsBetter, 5, 4, 6, 7);

        // Assert
        Assert.Throws<ArgumentException>(act);
    }

    [Fact]
    public void AddAll_TwoShardsOfAPopulation_GiveTheCutPointsOfTheWhole()
    {
        // Arrange
        var customers = Customers().ToList();
        var first = RfmPopulation.FromInputs(customers.Take(4));
        var second = RfmPopulation.FromInputs(customers.Skip(4));

        // Act
        var merged = new RfmPopulation();
        merged.AddAll(first);
        merged.AddAll(second);

        // Assert
        Assert.Equal(RfmPopulation.FromInputs(customers).ComputeQuintileCutPoints(AsOf), merged.ComputeQuintileCutPoints(AsOf));
        Assert.Equal(10, merged.Count);
    }
}
