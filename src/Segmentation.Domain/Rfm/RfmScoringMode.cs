namespace Segmentation.Domain.Rfm;

/// <summary>How cut points are chosen.</summary>
public enum RfmScoringMode
{
    /// <summary>Quintiles of the current customer population.</summary>
    Quintiles,

    /// <summary>Configured thresholds (<see cref="RfmOptions"/>).</summary>
    FixedThresholds,
}
