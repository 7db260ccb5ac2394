using Segmentation.Domain.Triggers.Settings;
using Segmentation.Grains.Triggers;

namespace Segmentation.Silo.Triggers;

/// <summary>A trigger: its settings in force and whether an edit replaced the configured ones (when, by which key or user).</summary>
/// <param name="Name">The trigger's name, e.g. <c>cart_abandonment</c>.</param>
/// <param name="Settings">The settings in force; <c>trigger</c> names the trigger.</param>
/// <param name="Edited">True when an edit through the API replaced the configured settings.</param>
/// <param name="ChangedAt">When the latest edit was saved.</param>
/// <param name="ChangedBy">The management key (or dashboard user) that saved it.</param>
public sealed record TriggerResponse(string Name, TriggerSettings Settings, bool Edited, DateTimeOffset? ChangedAt, string? ChangedBy)
{
    public static TriggerResponse From(TriggerInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new TriggerResponse(info.Name, info.Settings, info.Edited, info.ChangedAt, info.ChangedBy);
    }
}
