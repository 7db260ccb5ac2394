namespace Segmentation.Import.Sending;

/// <summary>What became of an import's events.</summary>
/// <param name="Total">Events there were to send.</param>
/// <param name="Sent">Events the API accepted.</param>
/// <param name="Failed">Events rejected, given up on after retries, or not sent because sending stopped.</param>
/// <param name="FailuresByReason">Failed events per reason code (e.g. <c>http-400 malformed_json</c>, <c>not-sent</c>).</param>
/// <param name="FailedMessageIds">The message ids of failed events, where the API said which (all of a failed batch).</param>
/// <param name="AbortReason">Why sending stopped early (API unreachable, write key refused), or null.</param>
public sealed record SendOutcome(
    long Total,
    long Sent,
    long Failed,
    IReadOnlyDictionary<string, long> FailuresByReason,
    IReadOnlySet<string> FailedMessageIds,
    string? AbortReason)
{
    /// <summary>True when sending stopped before every event was tried.</summary>
    public bool Aborted => AbortReason is not null;
}
