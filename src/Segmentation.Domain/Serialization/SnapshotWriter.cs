using System.Text;
using Segmentation.Domain.Profiles.State;

namespace Segmentation.Domain.Serialization;

/// <summary>
/// A compact, canonical binary encoding: variable-length integers, length-prefixed UTF-8 strings, presence
/// flags for optional values, and decimals in their normalized form. Callers write collections in a canonical
/// order (sorted keys), so equal states give equal bytes.
/// </summary>
internal sealed class SnapshotWriter : IDisposable
{
    private readonly MemoryStream _stream = new();
    private readonly BinaryWriter _writer;

    public SnapshotWriter()
    {
        _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);
    }

    public void WriteByte(byte value) => _writer.Write(value);

    public void WriteBool(bool value) => _writer.Write(value);

    public void WriteInt(int value) => _writer.Write7BitEncodedInt(value);

    public void WriteLong(long value) => _writer.Write7BitEncodedInt64(value);

    public void WriteString(string value) => _writer.Write(value);

    public void WriteDecimal(decimal value) => _writer.Write(Money.Normalize(value));

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

    public byte[] ToArray()
    {
        _writer.Flush();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}
