using System.Buffers.Binary;
using System.Text;
using Segmentation.Domain.Profiles.State;

namespace Segmentation.Domain.Serialization;

/// <summary>Reads what <see cref="SnapshotWriter"/> wrote. Callers translate stream errors into <see cref="FormatException"/>.</summary>
internal sealed class SnapshotReader(ReadOnlyMemory<byte> data) : IDisposable
{
    private const int MaxVarLongBytes = 10;

    private ReadOnlyMemory<byte> _data = data;
    private int _position;

    /// <summary>The message ids read so far, each once (a snapshot names one event in several parts).</summary>
    private Dictionary<string, string>? _messageIds;

    public bool AtEnd => _position == _data.Length;

    public byte ReadByte()
    {
        if (_position >= _data.Length)
        {
            throw new EndOfStreamException("The snapshot ends early.");
        }

        return _data.Span[_position++];
    }

    public bool ReadBool() => ReadByte() != 0;

    public int ReadInt()
    {
        var value = ReadVarLong();
        return value <= uint.MaxValue
            ? (int)(uint)value
            : throw new FormatException("The snapshot holds a 32-bit integer that is too long.");
    }

    /// <summary>A collection length: non-negative and no larger than the bytes left.</summary>
    public int ReadCount()
    {
        var count = ReadInt();
        if (count < 0 || count > _data.Length - _position)
        {
            throw new FormatException("The snapshot holds an invalid collection length.");
        }

        return count;
    }

    public long ReadLong() => (long)ReadVarLong();

    public string ReadString() => Encoding.UTF8.GetString(ReadUtf8());

    /// <summary>A string, as the copy that kept events share (see <see cref="SharedStrings"/>).</summary>
    public string ReadSharedString() => SharedStrings.Share(ReadUtf8());

    public decimal ReadDecimal()
    {
        var bytes = Take(16);
        Span<int> bits =
        [
            BinaryPrimitives.ReadInt32LittleEndian(bytes),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]),
        ];
        return new decimal(bits);
    }

    public EventKey ReadKey() => new(ReadLong(), ReadMessageId());

    /// <summary>A message id: one string for all the times this snapshot names the same id, as in the live profile.</summary>
    public string ReadMessageId()
    {
        var id = ReadString();
        _messageIds ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (_messageIds.TryGetValue(id, out var first))
        {
            return first;
        }

        _messageIds.Add(id, id);
        return id;
    }

    public string? ReadOptionalString() => ReadBool() ? ReadString() : null;

    public string? ReadOptionalSharedString() => ReadBool() ? ReadSharedString() : null;

    public long? ReadOptionalLong() => ReadBool() ? ReadLong() : null;

    public int? ReadOptionalInt() => ReadBool() ? ReadInt() : null;

    public decimal? ReadOptionalDecimal() => ReadBool() ? ReadDecimal() : null;

    public EventKey? ReadOptionalKey() => ReadBool() ? ReadKey() : null;

    public void Dispose()
    {
        _data = ReadOnlyMemory<byte>.Empty;
        _position = 0;
    }

    private ReadOnlySpan<byte> ReadUtf8()
    {
        var length = ReadInt();
        if (length < 0)
        {
            throw new FormatException("The snapshot holds a negative string length.");
        }

        return Take(length);
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
        {
            throw new EndOfStreamException("The snapshot ends early.");
        }

        var span = _data.Span.Slice(_position, count);
        _position += count;
        return span;
    }

    private ulong ReadVarLong()
    {
        ulong value = 0;
        for (var shift = 0; shift < MaxVarLongBytes * 7; shift += 7)
        {
            var b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("The snapshot holds a variable-length integer that is too long.");
    }
}
