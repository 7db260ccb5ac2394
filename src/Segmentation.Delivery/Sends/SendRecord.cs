namespace Segmentation.Delivery.Sends;

/// <summary>
/// One entry of the send log: the send, where it is, every attempt with its status code or error, the skip reason,
/// deferrals and manual retries. <see cref="Payload"/> is null for an occurrence that was skipped before any intent.
/// </summary>
/// <param name="SendId">The deterministic id (the ESP's idempotency key).</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Trigger">The trigger's name.</param>
/// <param name="OccurrenceKey">The occurrence within the trigger.</param>
/// <param name="Kind">Marketing or transactional.</param>
/// <param name="TemplateId">The ESP template; null when none.</param>
/// <param name="CreatedAt">When the send (or the skip) was decided.</param>
/// <param name="UpdatedAt">When the entry last changed.</param>
/// <param name="Status">Where the send is.</param>
/// <param name="NextAttemptAt">When the next attempt is due (pending sends only).</param>
/// <param name="DeliveredAt">When the ESP acknowledged it.</param>
/// <param name="RoundAttempts">Attempts since the intent or the last manual retry (they count towards the attempt limit).</param>
/// <param name="Attempts">Every recorded attempt, oldest first.</param>
/// <param name="SkippedAt">When it was skipped.</param>
/// <param name="SkipReason">Why it was skipped.</param>
/// <param name="Deferrals">The latest deferrals by a guard, oldest first.</param>
/// <param name="Retries">Manual retries, oldest first.</param>
/// <param name="Payload">What the email shows, kept as its JSON (<see cref="StoredSendPayload.Read"/>).</param>
public sealed record SendRecord(
    string SendId,
    string CustomerId,
    string Trigger,
    string OccurrenceKey,
    SendKind Kind,
    string? TemplateId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    SendStatus Status,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    int RoundAttempts,
    IReadOnlyList<SendAttempt> Attempts,
    DateTimeOffset? SkippedAt,
    SendSkipReason? SkipReason,
    IReadOnlyList<SendDeferral> Deferrals,
    IReadOnlyList<SendRetryRequest> Retries,
    StoredSendPayload? Payload)
{
    /// <summary>True when a manual retry may send it again (failed or dead-lettered).</summary>
    public bool CanRetry => Status is SendStatus.Failed or SendStatus.DeadLettered;

    /// <summary>The intent the dispatcher posts; null for a skip recorded without one.</summary>
    public SendIntent? ToIntent() => Payload is null
        ? null
        : new SendIntent(SendId, CustomerId, Trigger, OccurrenceKey, Kind, CreatedAt, TemplateId, Payload.Read());
}
