using Segmentation.Domain.Triggers;

namespace Segmentation.Grains.Customers;

/// <summary>The trigger part of the customer snapshot (format 3 of <see cref="CustomerGrainStateSerializer"/>).</summary>
internal static class CustomerTriggerStateSerializer
{
    public static void Write(BinaryWriter writer, CustomerTriggerState state)
    {
        WriteTime(writer, state.Cart.Since);
        WriteTime(writer, state.Cart.ClosedAt);
        writer.Write(state.Reminders.Count);
        foreach (var (name, due) in state.Reminders)
        {
            writer.Write(name);
            writer.Write(due.UtcTicks);
        }

        writer.Write(state.Ledger.Entries.Count);
        foreach (var entry in state.Ledger.Entries)
        {
            writer.Write(entry.Trigger);
            writer.Write(entry.OccurrenceKey);
            writer.Write(entry.Series);
            writer.Write(entry.Scope);
            writer.Write(entry.DecidedAt.UtcTicks);
            writer.Write((byte)entry.Outcome);
        }

        writer.Write(state.Ledger.Deferred.Count);
        foreach (var deferral in state.Ledger.Deferred)
        {
            WriteDue(writer, deferral.Due);
            writer.Write(deferral.Until.UtcTicks);
        }
    }

    public static CustomerTriggerState Read(BinaryReader reader)
    {
        var state = new CustomerTriggerState { Cart = new CartCycle(ReadTime(reader), ReadTime(reader)) };
        var reminders = reader.ReadInt32();
        for (var i = 0; i < reminders; i++)
        {
            state.Reminders[reader.ReadString()] = At(reader.ReadInt64());
        }

        var entries = new TriggerLedgerEntry[reader.ReadInt32()];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new TriggerLedgerEntry(
                reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(), At(reader.ReadInt64()), (TriggerOutcome)reader.ReadByte());
        }

        var deferred = new TriggerDeferral[reader.ReadInt32()];
        for (var i = 0; i < deferred.Length; i++)
        {
            deferred[i] = new TriggerDeferral(ReadDue(reader), At(reader.ReadInt64()));
        }

        state.Ledger = TriggerLedger.Load(entries, deferred);
        return state;
    }

    private static void WriteDue(BinaryWriter writer, TriggerDue due)
    {
        writer.Write(due.Trigger);
        writer.Write(due.DueAt.UtcTicks);
        writer.Write(due.OccurrenceKey);
        writer.Write(due.Series);
        writer.Write(due.Scope);
        WriteText(writer, due.TemplateId);
        writer.Write(due.IncludeCart);
        WriteText(writer, due.ProductKey);
        writer.Write(due.Properties.Count);
        foreach (var (name, value) in due.Properties.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(name);
            writer.Write(value);
        }
    }

    private static TriggerDue ReadDue(BinaryReader reader)
    {
        var trigger = reader.ReadString();
        var dueAt = At(reader.ReadInt64());
        var key = reader.ReadString();
        var series = reader.ReadString();
        var scope = reader.ReadString();
        var templateId = ReadText(reader);
        var includeCart = reader.ReadBoolean();
        var productKey = ReadText(reader);
        var count = reader.ReadInt32();
        var properties = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            properties.Add(reader.ReadString(), reader.ReadString());
        }

        return new TriggerDue(trigger, dueAt, key, series, scope, templateId, includeCart, productKey, properties);
    }

    private static void WriteTime(BinaryWriter writer, DateTimeOffset? value)
    {
        writer.Write(value is not null);
        if (value is { } time)
        {
            writer.Write(time.UtcTicks);
        }
    }

    private static DateTimeOffset? ReadTime(BinaryReader reader) => reader.ReadBoolean() ? At(reader.ReadInt64()) : null;

    private static void WriteText(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadText(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);
}
