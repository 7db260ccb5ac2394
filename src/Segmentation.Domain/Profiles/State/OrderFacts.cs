namespace Segmentation.Domain.Profiles.State;

/// <summary>The effective state of one order.</summary>
internal readonly record struct OrderFacts(
    bool IsPlaced,
    long PlacedTicks,
    decimal Gross,
    decimal Refunded,
    decimal Net,
    long? CancelledTicks,
    string? Currency,
    IReadOnlyList<ProductLine>? Items)
{
    /// <summary>Counts toward order totals: placed and not cancelled.</summary>
    public bool Counts => IsPlaced && CancelledTicks is null;
}
