using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Silo.Triggers;

/// <summary><c>GET /api/triggers</c>: the guardrails (configuration only) and every trigger in catalog order.</summary>
public sealed record TriggerListResponse(TriggerGuardrails Guardrails, IReadOnlyList<TriggerResponse> Triggers);
