namespace Segmentation.Domain.Rfm;

/// <summary>
/// The recency x frequency grid of named cells, as DESIGN.md defines it. The definition is total and without
/// overlaps over the 25 (R, F) pairs, so no pair needs a tie-break:
/// <code>
///        F1            F2                  F3                  F4            F5
/// R5  New           Potential Loyalists Potential Loyalists Champions     Champions
/// R4  Promising     Potential Loyalists Potential Loyalists Loyal         Loyal
/// R3  About to Sleep About to Sleep     Need Attention      Loyal         Loyal
/// R2  Hibernating   Hibernating         At Risk             At Risk       Can't Lose Them
/// R1  Hibernating   Hibernating         At Risk             At Risk       Can't Lose Them
/// </code>
/// (R3 F4-5 is Loyal, whose range is R3-4; monetary does not take part in the naming.)
/// </summary>
public static class RfmGrid
{
    /// <summary>The cell of a recency and frequency score (each 1..5).</summary>
    public static RfmCell Classify(int recency, int frequency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recency, 5);
        ArgumentOutOfRangeException.ThrowIfLessThan(frequency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frequency, 5);
        return (recency, frequency) switch
        {
            (5, >= 4) => RfmCell.Champions,
            (3 or 4, >= 4) => RfmCell.Loyal,
            (4 or 5, 2 or 3) => RfmCell.PotentialLoyalists,
            (5, 1) => RfmCell.New,
            (4, 1) => RfmCell.Promising,
            (3, 3) => RfmCell.NeedAttention,
            (3, 1 or 2) => RfmCell.AboutToSleep,
            (1 or 2, 3 or 4) => RfmCell.AtRisk,
            (1 or 2, 5) => RfmCell.CantLoseThem,
            _ => RfmCell.Hibernating,
        };
    }

    /// <summary>The display name used in DESIGN.md and the dashboard, e.g. <c>Can't Lose Them</c>.</summary>
    public static string DisplayName(RfmCell cell) => cell switch
    {
        RfmCell.Champions => "Champions",
        RfmCell.Loyal => "Loyal",
        RfmCell.PotentialLoyalists => "Potential Loyalists",
        RfmCell.New => "New",
        RfmCell.Promising => "Promising",
        RfmCell.NeedAttention => "Need Attention",
        RfmCell.AboutToSleep => "About to Sleep",
        RfmCell.AtRisk => "At Risk",
        RfmCell.CantLoseThem => "Can't Lose Them",
        RfmCell.Hibernating => "Hibernating",
        _ => throw new ArgumentOutOfRangeException(nameof(cell), cell, "Unknown RFM cell."),
    };
}
