namespace Segmentation.Delivery.Sends;

/// <summary>
/// A send the triggers decided to make: one occurrence of one trigger for one customer, with everything the email
/// needs. Appended durably to the customer's outbox shard (<see cref="Outbox.OutboxMessages.Intent"/>); the outbox
/// keeps the first intent of each <see cref="SendId"/> and ignores any later one, so a replayed or repeated intent
/// never makes a second send. Build it with <see cref="Create"/>, which computes the id.
/// </summary>
/// <param name="SendId">The deterministic id of (customer, trigger, occurrence); see <see cref="SendIds"/>.</param>
/// <param name="CustomerId">The customer the send is for.</param>
/// <param name="Trigger">The trigger's name in the catalog, e.g. <c>cart_abandonment</c>.</param>
/// <param name="OccurrenceKey">What makes this occurrence unique within the trigger, e.g. when the cart was started.</param>
/// <param name="Kind">Marketing or transactional.</param>
/// <param name="CreatedAt">When the trigger decided to send (the log time of the deciding record).</param>
/// <param name="TemplateId">The ESP template, e.g. a SendGrid dynamic template id <c>d-...</c>; null when the ESP picks.</param>
/// <param name="Payload">What the email shows.</param>
public sealed record SendIntent(
    string SendId,
    string CustomerId,
    string Trigger,
    string OccurrenceKey,
    SendKind Kind,
    DateTimeOffset CreatedAt,
    string? TemplateId,
    SendPayload Payload)
{
    /// <summary>The longest customer id (the grain key limit).</summary>
    public const int MaxCustomerIdLength = 256;

    /// <summary>The longest trigger name.</summary>
    public const int MaxTriggerLength = 100;

    /// <summary>The longest occurrence key.</summary>
    public const int MaxOccurrenceKeyLength = 200;

    /// <summary>The longest template id.</summary>
    public const int MaxTemplateIdLength = 200;

    /// <summary>The longest email address (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 320;

    /// <summary>An intent with its id computed from (customer, trigger, occurrence).</summary>
    /// <exception cref="ArgumentException">A part is empty, too long or holds control characters, or the payload has no email.</exception>
    public static SendIntent Create(
        string customerId,
        string trigger,
        string occurrenceKey,
        SendKind kind,
        DateTimeOffset createdAt,
        string? templateId,
        SendPayload payload)
    {
        if (CheckParts(customerId, trigger, occurrenceKey) is { } invalid)
        {
            throw new ArgumentException(invalid);
        }

        var intent = new SendIntent(
            SendIds.Compute(customerId, trigger, occurrenceKey), customerId, trigger, occurrenceKey, kind, createdAt.ToUniversalTime(), templateId, payload);
        if (intent.Validate() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        return intent;
    }

    /// <summary>What is wrong with this intent, or null when it may be sent. The outbox refuses an intent that fails.</summary>
    public string? Validate()
    {
        if (CheckParts(CustomerId, Trigger, OccurrenceKey) is { } invalid)
        {
            return invalid;
        }

        if (!string.Equals(SendId, SendIds.Compute(CustomerId, Trigger, OccurrenceKey), StringComparison.Ordinal))
        {
            return $"Send {SendId} does not match its customer, trigger and occurrence; build intents with SendIntent.Create.";
        }

        if (TemplateId is not null && SendParts.Check(TemplateId, nameof(TemplateId), MaxTemplateIdLength) is { } template)
        {
            return template;
        }

        if (Payload?.Recipient is null || string.IsNullOrWhiteSpace(Payload.Recipient.Email) || Payload.Recipient.Email.Length > MaxEmailLength)
        {
            return $"Send {SendId} has no recipient email (or one over {MaxEmailLength} characters).";
        }

        return Payload.CartItems is null || Payload.Recommendations is null || Payload.Properties is null
            ? $"Send {SendId} has a payload without its lists (use empty ones)."
            : null;
    }

    /// <summary>What is wrong with the parts of a send id (customer, trigger, occurrence), or null.</summary>
    internal static string? CheckParts(string? customerId, string? trigger, string? occurrenceKey) =>
        SendParts.Check(customerId, nameof(CustomerId), MaxCustomerIdLength)
        ?? SendParts.Check(trigger, nameof(Trigger), MaxTriggerLength)
        ?? SendParts.Check(occurrenceKey, nameof(OccurrenceKey), MaxOccurrenceKeyLength);
}
