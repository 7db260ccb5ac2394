namespace Segmentation.Import.Sending;

/// <summary>How far sending has got.</summary>
/// <param name="Sent">Events accepted so far.</param>
/// <param name="Failed">Events rejected or given up on so far.</param>
/// <param name="Total">Events to send.</param>
public readonly record struct SendProgress(long Sent, long Failed, long Total);
