namespace Segmentation.Runtime.Reminders;

internal readonly record struct ReminderKey(GrainId GrainId, string Name);
