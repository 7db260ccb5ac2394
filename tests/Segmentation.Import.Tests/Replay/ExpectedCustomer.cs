namespace Segmentation.Import.Tests.Replay;

/// <summary>One customer as <see cref="IndependentRetailModel"/> computes it.</summary>
internal sealed record ExpectedCustomer(string Id, int Orders, decimal NetRevenue, decimal Refunded, DateOnly LastOrderDate, long MonetaryCents)
{
    public int Recency { get; set; }

    public int Frequency { get; set; }

    public int Monetary { get; set; }
}
