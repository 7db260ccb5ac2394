using System.Text.Json.Serialization;
using Segmentation.Delivery.Sends;

namespace Segmentation.Silo.Sends;

/// <summary>One entry of the send log as the API shows it: the send, its status, every attempt, the skip reason, deferrals and manual retries.</summary>
/// <param name="Id">The send's deterministic id (the ESP's idempotency key, <c>webhook-id</c>).</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Trigger">The trigger that made it, e.g. <c>cart_abandonment</c>.</param>
/// <param name="OccurrenceKey">The occurrence within the trigger.</param>
/// <param name="Kind">Marketing or Transactional.</param>
/// <param name="TemplateId">The ESP template; null when none.</param>
/// <param name="Status">Pending, Delivered, Failed, DeadLettered or Skipped.</param>
/// <param name="CreatedAt">When the send (or the skip) was decided.</param>
/// <param name="UpdatedAt">When the entry last changed.</param>
/// <param name="NextAttemptAt">When the next attempt is due (pending sends).</param>
/// <param name="DeliveredAt">When the ESP acknowledged it.</param>
/// <param name="CanRetry">True for failed and dead-lettered sends: POST /api/sends/{id}/retry sends them again.</param>
/// <param name="Attempts">Every attempt, oldest first, with its status code or error.</param>
/// <param name="Skip">Why it was skipped; null unless skipped.</param>
/// <param name="Deferrals">When a guard delayed it (quiet hours), and until when.</param>
/// <param name="Retries">Manual retries, with the name of the key that asked.</param>
/// <param name="Payload">What the email shows (GET /api/sends/{id} only; personal data).</param>
public sealed record SendResponse(
    string Id,
    string CustomerId,
    string Trigger,
    string OccurrenceKey,
    SendKind Kind,
    string? TemplateId,
    SendStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    bool CanRetry,
    IReadOnlyList<SendAttempt> Attempts,
    SendSkipResponse? Skip,
    IReadOnlyList<SendDeferral> Deferrals,
    IReadOnlyList<SendRetryRequest> Retries,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SendPayload? Payload)
{
    /// <summary>The send without its payload (lists and the customer profile).</summary>
    public static SendResponse From(SendRecord send) => From(send, withPayload: false);

    public static SendResponse From(SendRecord send, bool withPayload)
    {
        ArgumentNullException.ThrowIfNull(send);
        return new SendResponse(
            send.SendId,
            send.CustomerId,
            send.Trigger,
            send.OccurrenceKey,
            send.Kind,
            send.TemplateId,
            send.Status,
            send.CreatedAt,
            send.UpdatedAt,
            send.NextAttemptAt,
            send.DeliveredAt,
            send.CanRetry,
            send.Attempts,
            send.SkipReason is { } reason ? new SendSkipResponse(send.SkippedAt!.Value, reason.Code, reason.Detail) : null,
            send.Deferrals,
            send.Retries,
            withPayload ? send.Payload?.Read() : null);
    }
}
