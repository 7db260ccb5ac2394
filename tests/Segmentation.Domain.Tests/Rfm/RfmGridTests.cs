using Segmentation.Domain.Rfm;

namespace Segmentation.Domain.Tests.Rfm;

public class RfmGridTests
{
    /// <summary>DESIGN.md's named cells as (cell, recency range, frequency range).</summary>
    private static readonly (RfmCell Cell, int RLow, int RHigh, int FLow, int FHigh)[] DesignRules =
    [
        (RfmCell.Champions, 5, 5, 4, 5),
        (RfmCell.Loyal, 3, 4, 4, 5),
        (RfmCell.PotentialLoyalists, 4, 5, 2, 3),
        (RfmCell.New, 5, 5, 1, 1),
        (RfmCell.Promising, 4, 4, 1, 1),
        (RfmCell.NeedAttention, 3, 3, 3, 3),
        (RfmCell.AboutToSleep, 3, 3, 1, 2),
        (RfmCell.AtRisk, 1, 2, 3, 4),
        (RfmCell.CantLoseThem, 1, 2, 5, 5),
        (RfmCell.Hibernating, 1, 2, 1, 2),
    ];

    [Fact]
    public void DesignRules_EveryRecencyFrequencyPair_MatchesExactlyOneCell()
    {
        // Arrange
        var pairs = from r in Enumerable.Range(1, 5) from f in Enumerable.Range(1, 5) select (r, f);

        // Act
        var matches = pairs.Select(p => DesignRules.Count(rule => p.r >= rule.RLow && p.r <= rule.RHigh && p.f >= rule.FLow && p.f <= rule.FHigh));

        // Assert
        Assert.All(matches, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Classify_EveryPair_AgreesWithDesignRules()
    {
        // Arrange
        var expected = new Dictionary<(int, int), RfmCell>();
        foreach (var rule in DesignRules)
        {
            for (var r = rule.RLow; r <= rule.RHigh; r++)
            {
                for (var f = rule.FLow; f <= rule.FHigh; f++)
                {
                    expected.Add((r, f), rule.Cell);
                }
            }
        }

        // Act
        var actual = expected.Keys.ToDictionary(k => k, k => RfmGrid.Classify(k.Item1, k.Item2));

        // Assert
        Assert.Equal(25, expected.Count);
        Assert.Equal(expected, actual);
        Assert.Equal(RfmCell.Loyal, RfmGrid.Classify(3, 5));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 6)]
    public void Classify_ScoreOutOfRange_Throws(int recency, int frequency)
    {
        // Act
        Action act = () => RfmGrid.Classify(recency, frequency);

        // Assert
        Assert.Throws<ArgumentOutOfRangeException>(act);
    }

    [Fact]
    public void DisplayName_EveryCell_IsDesignName()
    {
        // Act
        var names = Enum.GetValues<RfmCell>().Select(RfmGrid.DisplayName);

        // Assert
        Assert.Equal(
            ["Champions", "Loyal", "Potential Loyalists", "New", "Promising", "Need Attention", "About to Sleep", "At Risk", "Can't Lose Them", "Hibernating"],
            names);
    }

    [Fact]
    public void RfmScores_CellAndCode_FollowScores()
    {
        // Arrange
        var scores = new RfmScores(5, 4, 3);

        // Act
        var cell = scores.Cell;

        // Assert
        Assert.Equal(RfmCell.Champions, cell);
        Assert.Equal("543", scores.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new RfmScores(6, 1, 1));
    }
}
