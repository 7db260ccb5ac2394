using System.Text;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;
using Segmentation.Grains.Segments;

namespace Segmentation.Grains.Customers;

/// <summary>
/// The customer grain's snapshot: a version byte, the profile's own bytes, then the grain's bookkeeping. Version 2
/// added the segment memberships; a version 1 snapshot reads as a customer in no segment yet. Version 3 added the
/// trigger state (<see cref="CustomerTriggerStateSerializer"/>); a version 1 or 2 snapshot reads as a customer with
/// no trigger decided yet and no cart open.
/// </summary>
internal static class CustomerGrainStateSerializer
{
    private const byte FormatVersion = 3;
    private const byte FormatVersionWithoutTriggers = 2;
    private const byte FormatVersionWithoutSegments = 1;

    // A thread keeps its snapshot buffer up to this size; the buffer of a larger customer goes with its snapshot.
    private const int MaxKeptBufferBytes = 1 << 20;

    // BinaryWriter's own default: UTF-8 without a byte order mark, throwing on invalid text.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [ThreadStatic]
    private static MemoryStream? t_buffer;

    public static byte[] Serialize(CustomerGrainState state)
    {
        // The thread's buffer from its last snapshot, so that a snapshot allocates its bytes and little else.
        var buffer = t_buffer ?? new MemoryStream();
        t_buffer = null;
        buffer.SetLength(0);
        using (var writer = new BinaryWriter(buffer, Utf8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            CustomerProfileSerializer.Serialize(state.Profile, writer);
            WriteNullable(writer, state.MergedInto);
            WriteSet(writer, state.LinkedAnonymousIds);
            WriteSet(writer, state.MergedSources);
            writer.Write(state.ReportedRfm is not null);
            if (state.ReportedRfm is { } rfm)
            {
                writer.Write(rfm.LastOrderDate.DayNumber);
                writer.Write(rfm.Frequency);
                writer.Write(rfm.MonetaryCents);
            }

            WriteNullable(writer, state.ReportedEmail);
            WriteSegments(writer, state);
            CustomerTriggerStateSerializer.Write(writer, state.Triggers);
        }

        var bytes = buffer.ToArray();
        if (buffer.Capacity <= MaxKeptBufferBytes)
        {
            t_buffer = buffer;
        }

        return bytes;
    }

    /// <summary>
    /// Reads a snapshot written by <see cref="Serialize"/> (or an earlier format). The profile is read in place from its
    /// slice; only the bookkeeping after it is copied for the reader.
    /// </summary>
    /// <exception cref="FormatException">An unknown format, or a snapshot shorter than its profile says.</exception>
    public static CustomerGrainState Deserialize(ReadOnlySpan<byte> data)
    {
        var version = data.IsEmpty ? (byte)0 : data[0];
        if (version is not (FormatVersion or FormatVersionWithoutTriggers or FormatVersionWithoutSegments))
        {
            throw new FormatException($"Unknown customer snapshot format {version}.");
        }

        var profile = CustomerProfileSerializer.Deserialize(data[1..], out var profileBytes);
        using var reader = new BinaryReader(new MemoryStream(data[(1 + profileBytes)..].ToArray()));
        var state = new CustomerGrainState
        {
            Profile = profile,
            MergedInto = ReadNullable(reader),
        };
        ReadSet(reader, state.AddLinkedAnonymousId);
        ReadSet(reader, state.AddMergedSource);
        if (reader.ReadBoolean())
        {
            state.ReportedRfm = new RfmInput(DateOnly.FromDayNumber(reader.ReadInt32()), reader.ReadInt32(), reader.ReadInt64());
        }

        state.ReportedEmail = ReadNullable(reader);
        if (version >= FormatVersionWithoutTriggers)
        {
            ReadSegments(reader, state);
        }

        if (version == FormatVersion)
        {
            state.Triggers = CustomerTriggerStateSerializer.Read(reader);
        }

        return state;
    }

    private static void WriteSegments(BinaryWriter writer, CustomerGrainState state)
    {
        writer.Write(state.Registered);
        WriteNullable(writer, state.SegmentsEvaluatedAt);
        WriteNullable(writer, state.SegmentReminderAt);
        writer.Write(state.SegmentSequence);
        writer.Write(state.Segments.Count);
        foreach (var (id, entry) in state.Segments.OrderBy(static s => s.Key, StringComparer.Ordinal))
        {
            writer.Write(id);
            writer.Write(entry.Version);
            writer.Write(entry.Since.UtcTicks);
        }
    }

    private static void ReadSegments(BinaryReader reader, CustomerGrainState state)
    {
        state.Registered = reader.ReadBoolean();
        state.SegmentsEvaluatedAt = ReadNullableTime(reader);
        state.SegmentReminderAt = ReadNullableTime(reader);
        state.SegmentSequence = reader.ReadInt64();
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            state.Segments.Add(reader.ReadString(), new SegmentMembershipEntry(reader.ReadInt32(), new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero)));
        }
    }

    private static void WriteNullable(BinaryWriter writer, DateTimeOffset? value)
    {
        writer.Write(value is not null);
        if (value is { } time)
        {
            writer.Write(time.UtcTicks);
        }
    }

    private static DateTimeOffset? ReadNullableTime(BinaryReader reader) =>
        reader.ReadBoolean() ? new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero) : null;

    private static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void WriteSet(BinaryWriter writer, IReadOnlySet<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values.Order(StringComparer.Ordinal))
        {
            writer.Write(value);
        }
    }

    private static void ReadSet(BinaryReader reader, Func<string, bool> add)
    {
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            add(reader.ReadString());
        }
    }
}
