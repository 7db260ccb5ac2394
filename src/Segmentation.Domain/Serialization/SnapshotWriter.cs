using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Segmentation.Domain.Profiles.State;

namespace Segmentation.Domain.Serialization;

/// <summary>
/// A compact, canonical binary encoding: variable-length integers, length-prefixed UTF-8 strings, presence
/// flags for optional values, and decimals in their normalized form. Callers write collections in a canonical
/// order (sorted keys), so equal states give equal bytes.
/// </summary>
/// <remarks>
/// The bytes are those of <see cref="BinaryWriter"/> with UTF-8 (7-bit encoded lengths and integers, decimals as their
/// four 32-bit parts), written straight into a pooled buffer that is returned on <see cref="Dispose"/>.
/// </remarks>
internal sealed class SnapshotWriter : IDisposable
{
    private const int MaxVarLongBytes = 10;

    private byte[] _buffer;
    private int _length;

    public SnapshotWriter(int initialCapacity = 4096)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    public void WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteInt(int value) => WriteVarLong((uint)value);

    public void WriteLong(long value) => WriteVarLong((ulong)value);

    public void WriteString(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteVarLong((uint)byteCount);
        Ensure(byteCount);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    public void WriteDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(Money.Normalize(value), bits);
        Ensure(16);
        var destination = _buffer.AsSpan(_length, 16);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(destination[(i * 4)..], bits[i]);
        }

        _length += 16;
    }

    public void WriteKey(EventKey key)
    {
        WriteLong(key.Ticks);
        WriteString(key.MessageId);
    }

    public void WriteOptionalString(string? value)
    {
        WriteBool(value is not null);
        if (value is not null)
        {
            WriteString(value);
        }
    }

    public void WriteOptionalLong(long? value)
    {
        WriteBool(value.HasValue);
        if (value is { } v)
        {
            WriteLong(v);
        }
    }

    public void WriteOptionalInt(int? value)
    {
        WriteBool(value.HasValue);
        if (value is { } v)
        {
            WriteInt(v);
        }
    }

    public void WriteOptionalDecimal(decimal? value)
    {
        WriteBool(value.HasValue);
        if (value is { } v)
        {
            WriteDecimal(v);
        }
    }

    public void WriteOptionalKey(EventKey? key)
    {
        WriteBool(key.HasValue);
        if (key is { } k)
        {
            WriteKey(k);
        }
    }

    public byte[] ToArray() => Written.ToArray();

    /// <summary>The bytes written so far, valid until the next write or <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Seven bits a byte, least significant first, the high bit set on every byte but the last.</summary>
    private void WriteVarLong(ulong value)
    {
        Ensure(MaxVarLongBytes);
        var buffer = _buffer;
        var position = _length;
        while (value > 0x7Fu)
        {
            buffer[position++] = (byte)(value | 0x80u);
            value >>= 7;
        }

        buffer[position++] = (byte)value;
        _length = position;
    }

    private void Ensure(int count)
    {
        if (_buffer.Length - _length >= count)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
