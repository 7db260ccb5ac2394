namespace Segmentation.Domain.Rfm;

/// <summary>The named cells of the recency x frequency grid (see <see cref="RfmGrid"/>).</summary>
public enum RfmCell
{
    /// <summary>R5, F4-5.</summary>
    Champions,

    /// <summary>R3-4, F4-5.</summary>
    Loyal,

    /// <summary>R4-5, F2-3.</summary>
    PotentialLoyalists,

    /// <summary>R5, F1.</summary>
    New,

    /// <summary>R4, F1.</summary>
    Promising,

    /// <summary>R3, F3.</summary>
    NeedAttention,

    /// <summary>R3, F1-2.</summary>
    AboutToSleep,

    /// <summary>R1-2, F3-4.</summary>
    AtRisk,

    /// <summary>R1-2, F5.</summary>
    CantLoseThem,

    /// <summary>R1-2, F1-2.</summary>
    Hibernating,
}
