namespace Segmentation.Domain.Triggers.Settings;

/// <summary>What a lapse is measured from.</summary>
public enum LapseBasis
{
    /// <summary>The customer's last activity (site events, email opens and clicks).</summary>
    Activity,

    /// <summary>The customer's last order (customers without an order never lapse).</summary>
    Order,
}
