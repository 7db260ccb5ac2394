namespace Segmentation.Delivery.Sends;

/// <summary>
/// A send that was decided against, with its reason, so that the send log shows it. Recorded by the triggers when a
/// guardrail stops a send as the reminder fires, and by the dispatcher when its <see cref="Dispatch.ISendGuard"/> stops
/// one before dispatch. For an id the outbox does not know yet, the skip is the occurrence's outcome (a later intent
/// for it is ignored); for a pending send it cancels the send; a send that is already finished keeps its outcome.
/// </summary>
public sealed record SendSkip(
    string SendId,
    string CustomerId,
    string Trigger,
    string OccurrenceKey,
    SendKind Kind,
    DateTimeOffset SkippedAt,
    SendSkipReason Reason)
{
    /// <summary>A skip of the occurrence (customer, trigger, occurrence), with its id computed.</summary>
    /// <exception cref="ArgumentException">A part or the reason is invalid.</exception>
    public static SendSkip Create(
        string customerId, string trigger, string occurrenceKey, SendKind kind, DateTimeOffset skippedAt, SendSkipReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (SendIntent.CheckParts(customerId, trigger, occurrenceKey) is { } invalid)
        {
            throw new ArgumentException(invalid);
        }

        var skip = new SendSkip(SendIds.Compute(customerId, trigger, occurrenceKey), customerId, trigger, occurrenceKey, kind, skippedAt.ToUniversalTime(), reason);
        if (skip.Validate() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        return skip;
    }

    /// <summary>A skip of the send of <paramref name="intent"/>.</summary>
    public static SendSkip Of(SendIntent intent, DateTimeOffset skippedAt, SendSkipReason reason)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return new SendSkip(intent.SendId, intent.CustomerId, intent.Trigger, intent.OccurrenceKey, intent.Kind, skippedAt.ToUniversalTime(), reason);
    }

    public string? Validate() =>
        SendIntent.CheckParts(CustomerId, Trigger, OccurrenceKey)
        ?? (Reason is null ? "A skip needs a reason." : Reason.Validate())
        ?? (string.Equals(SendId, SendIds.Compute(CustomerId, Trigger, OccurrenceKey), StringComparison.Ordinal)
            ? null
            : $"Skip of {SendId} does not match its customer, trigger and occurrence; build skips with SendSkip.Create.");
}
