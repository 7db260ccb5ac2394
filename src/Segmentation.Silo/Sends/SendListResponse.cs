namespace Segmentation.Silo.Sends;

/// <summary><c>GET /api/sends</c>: a page of the send log, newest first, and the cursor and link of the next page (null on the last).</summary>
public sealed record SendListResponse(IReadOnlyList<SendResponse> Sends, string? Next, string? NextLink);
