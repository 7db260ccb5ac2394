using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Grains.Triggers;

/// <summary>A trigger as the API and the dashboard show it: its settings in force and where they come from.</summary>
/// <param name="Name">The trigger's name (<c>cart_abandonment</c>).</param>
/// <param name="Settings">The settings in force.</param>
/// <param name="Edited">True when an edit through the API replaced the configured settings.</param>
/// <param name="ChangedAt">When the latest edit was saved; null when never edited.</param>
/// <param name="ChangedBy">Who saved the latest edit (a management key's or dashboard user's name); null when never edited.</param>
public sealed record TriggerInfo(string Name, TriggerSettings Settings, bool Edited, DateTimeOffset? ChangedAt, string? ChangedBy);
