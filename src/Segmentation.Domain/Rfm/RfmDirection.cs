namespace Segmentation.Domain.Rfm;

/// <summary>Which way a dimension's values improve.</summary>
public enum RfmDirection
{
    /// <summary>Frequency, monetary: more is better.</summary>
    HigherIsBetter,

    /// <summary>Recency in days: fewer days since the last order is better.</summary>
    LowerIsBetter,
}
