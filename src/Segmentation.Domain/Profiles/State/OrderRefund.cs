namespace Segmentation.Domain.Profiles.State;

/// <summary>One Order Refunded; a null amount refunds the whole order.</summary>
internal readonly record struct OrderRefund(EventKey Key, decimal? Amount);
