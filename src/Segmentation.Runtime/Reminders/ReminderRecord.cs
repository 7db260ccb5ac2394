using System.Buffers.Binary;
using System.Text;

namespace Segmentation.Runtime.Reminders;

/// <summary>
/// A reminder firing as a log record: name, due time and period. Firing through the log makes it a message like
/// any other, so a replay after a crash delivers it exactly where the original run did.
/// </summary>
internal static class ReminderRecord
{
    public const string Kind = "$reminder";

    public static byte[] Encode(string name, DateTimeOffset dueAt, TimeSpan period)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var payload = new byte[16 + nameBytes.Length];
        BinaryPrimitives.WriteInt64LittleEndian(payload, dueAt.UtcTicks);
        BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(8), period.Ticks);
        nameBytes.CopyTo(payload, 16);
        return payload;
    }

    public static ReminderFiring Decode(byte[] payload)
    {
        var dueAt = new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(payload), TimeSpan.Zero);
        var period = TimeSpan.FromTicks(BinaryPrimitives.ReadInt64LittleEndian(payload.AsSpan(8)));
        return new ReminderFiring(Encoding.UTF8.GetString(payload, 16, payload.Length - 16), dueAt, period);
    }

    /// <summary>The first tick of a periodic reminder strictly after <paramref name="firedAt"/>: missed ticks are skipped.</summary>
    public static DateTimeOffset NextDue(DateTimeOffset dueAt, TimeSpan period, DateTimeOffset firedAt)
    {
        if (firedAt < dueAt)
        {
            return dueAt + period;
        }

        var periods = ((firedAt - dueAt).Ticks / period.Ticks) + 1;
        return dueAt + TimeSpan.FromTicks(periods * period.Ticks);
    }
}
