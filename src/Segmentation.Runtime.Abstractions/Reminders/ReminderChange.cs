namespace Segmentation.Runtime.Storage;

/// <summary>An upsert of a reminder (<see cref="Entry"/> set) or its removal (<see cref="Entry"/> null).</summary>
public sealed record ReminderChange(GrainId GrainId, string Name, ReminderEntry? Entry)
{
    public static ReminderChange Upsert(ReminderEntry entry) => new(entry.GrainId, entry.Name, entry);

    public static ReminderChange Remove(GrainId grainId, string name) => new(grainId, name, null);
}
