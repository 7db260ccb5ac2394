using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Grains.Triggers;

/// <summary>The outcome of <see cref="TriggerDirectory.UpdateAsync"/>: the trigger as saved, or every invalid setting.</summary>
public sealed record TriggerUpdateResult(TriggerUpdateStatus Status, TriggerInfo? Trigger, IReadOnlyList<TriggerSettingError> Errors);
