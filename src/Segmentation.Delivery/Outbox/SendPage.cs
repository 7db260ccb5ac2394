using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Outbox;

/// <summary>A page of the send log, newest first, and the cursor of the next page (null on the last).</summary>
public sealed record SendPage(IReadOnlyList<SendRecord> Sends, SendCursor? Next);
