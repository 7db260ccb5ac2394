using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Grains.Triggers.Catalog;

/// <summary>One edit of a trigger's settings: who made it, when, and the settings it saved.</summary>
public sealed record TriggerChange(string Trigger, string ChangedBy, DateTimeOffset ChangedAt, TriggerSettings Settings);
