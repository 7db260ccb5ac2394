namespace Segmentation.Domain.Triggers;

/// <summary>
/// The next occurrence of a trigger for a customer: when it is due and what identifies it.
/// </summary>
/// <param name="Trigger">The trigger's name.</param>
/// <param name="DueAt">When it is due.</param>
/// <param name="OccurrenceKey">Unique within the trigger for the customer (part of the send id).</param>
/// <param name="Series">The occurrence its steps share (the first step's key); the cooldown never holds back a later step of the same series.</param>
/// <param name="Scope">What the re-entry cooldown is per: empty for the whole trigger, a product key, a segment id.</param>
/// <param name="TemplateId">The ESP template of this step.</param>
/// <param name="IncludeCart">Whether the email shows the cart.</param>
/// <param name="ProductKey">The browsed product the email shows; null for none.</param>
/// <param name="Properties">Trigger-specific values for the email (<c>step</c>, <c>milestone</c>, <c>segment</c>).</param>
public sealed record TriggerDue(
    string Trigger,
    DateTimeOffset DueAt,
    string OccurrenceKey,
    string Series,
    string Scope,
    string? TemplateId,
    bool IncludeCart,
    string? ProductKey,
    IReadOnlyDictionary<string, string> Properties);
