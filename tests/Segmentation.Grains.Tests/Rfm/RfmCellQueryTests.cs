using Segmentation.Domain.Rfm;
using Segmentation.Grains.Rfm;

namespace Segmentation.Grains.Tests.Rfm;

/// <summary>
/// One shard's reading of the grid in a single pass, checked against each customer scored on its own: the counts of
/// every cell and the pages of a cell's ids, for a population full of ties (quintile cut points over few distinct
/// values, many customers with the same inputs) and ids whose ordinal order differs from the culture's.
/// </summary>
public sealed class RfmCellQueryTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 5, 4, 9, 30, 0, TimeSpan.Zero);

    private static readonly (string CustomerId, RfmInput Input)[] Customers = Population();

    private static readonly RfmCutPoints CutPoints =
        RfmPopulation.FromInputs(Customers.Select(static c => c.Input)).ComputeQuintileCutPoints(AsOf);

    [Fact]
    public void Read_WithoutPage_CountsEveryCustomerInItsCellAndListsNothing()
    {
        var read = RfmCellQuery.Read(Customers, CutPoints, AsOf, null);

        Assert.Equal(ExpectedCounts(), read.Counts);
        Assert.Empty(read.CellCustomerIds);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(50)]
    public void Read_EveryCellPagedThrough_CountsEachPassAndListsTheCellInOrdinalOrder(int limit)
    {
        foreach (var cell in AllCells())
        {
            var listed = new List<string>();
            string? after = null;
            while (true)
            {
                var read = RfmCellQuery.Read(Customers, CutPoints, AsOf, new RfmCellPageRequest(cell, after, limit));

                Assert.Equal(ExpectedCounts(), read.Counts);
                Assert.True(read.CellCustomerIds.Count <= limit);
                if (read.CellCustomerIds.Count == 0)
                {
                    break;
                }

                listed.AddRange(read.CellCustomerIds);
                after = read.CellCustomerIds[^1];
            }

            Assert.Equal(ExpectedIds(cell), listed);
        }
    }

    [Fact]
    public void Read_PageOfEmptyCell_ListsNothingAndStillCounts()
    {
        var empty = AllCells().First(cell => ExpectedIds(cell).Count == 0);

        var read = RfmCellQuery.Read(Customers, CutPoints, AsOf, new RfmCellPageRequest(empty, null, 10));

        Assert.Empty(read.CellCustomerIds);
        Assert.Equal(ExpectedCounts(), read.Counts);
    }

    [Fact]
    public void Read_CursorPastTheCellsLastId_ListsNothing()
    {
        var cell = AllCells().MaxBy(cell => ExpectedIds(cell).Count);

        var read = RfmCellQuery.Read(Customers, CutPoints, AsOf, new RfmCellPageRequest(cell, ExpectedIds(cell)[^1], 10));

        Assert.Empty(read.CellCustomerIds);
    }

    [Fact]
    public void Read_PageOfNoIds_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            RfmCellQuery.Read(Customers, CutPoints, AsOf, new RfmCellPageRequest(new RfmGridCoordinate(1, 1), null, 0)));

    // 400 customers over a handful of distinct inputs (so most share a cell with many others), in no particular
    // order, with upper and lower case ids (ordinal: "C-..." before "c-...").
    private static (string, RfmInput)[] Population()
    {
        var random = new Random(11);
        var today = DateOnly.FromDateTime(AsOf.UtcDateTime);
        return [.. Enumerable.Range(0, 400)
            .Select(i => ($"{(i % 3 == 0 ? 'C' : 'c')}-{random.Next(100_000):D5}-{i}",
                new RfmInput(today.AddDays(-random.Next(0, 4) * 45), random.Next(1, 4), random.Next(1, 5) * 1_000L)))
            .OrderBy(_ => random.Next())];
    }

    private static IEnumerable<RfmGridCoordinate> AllCells() =>
        Enumerable.Range(1, RfmGridCoordinate.Size)
            .SelectMany(r => Enumerable.Range(1, RfmGridCoordinate.Size).Select(f => new RfmGridCoordinate(r, f)));

    private static RfmGridCoordinate CellOf(RfmInput input)
    {
        var scores = CutPoints.Score(input, AsOf);
        return new RfmGridCoordinate(scores.Recency, scores.Frequency);
    }

    private static int[] ExpectedCounts() => [.. AllCells().Select(cell => Customers.Count(c => CellOf(c.Input) == cell))];

    private static List<string> ExpectedIds(RfmGridCoordinate cell) =>
        [.. Customers.Where(c => CellOf(c.Input) == cell).Select(static c => c.CustomerId).Order(StringComparer.Ordinal)];
}
