using System.Text;
using Segmentation.Domain.Profiles.State;

namespace Segmentation.Domain.Serialization;

/// <summary>Reads what <see cref="SnapshotWriter"/> wrote. Callers translate stream errors into <see cref="FormatException"/>.</summary>
internal sealed class SnapshotReader : IDisposable
{
    private readonly MemoryStream _stream;
    private readonly BinaryReader _reader;

    public SnapshotReader(byte[] data)
    {
        _stream = new MemoryStream(data, writable: false);
        _reader = new BinaryReader(_stream, Encoding.UTF8, leaveOpen: true);
    }

    public bool AtEnd => _stream.Position == _stream.Length;

    public byte ReadByte() => _reader.ReadByte();

    public bool ReadBool() => _reader.ReadBoolean();

    public int ReadInt() => _reader.Read7BitEncodedInt();

    /// <summary>A collection length: non-negative and no larger than the bytes left.</summary>
    public int ReadCount()
    {
        var count = ReadInt();
        if (count < 0 || count > _stream.Length - _stream.Position)
        {
            throw new FormatException("The snapshot holds an invalid collection length.");
        }

        return count;
    }

    public long ReadLong() => _reader.Read7BitEncodedInt64();

    public string ReadString() => _reader.ReadString();

    public decimal ReadDecimal() => _reader.ReadDecimal();

    public EventKey ReadKey() => new(ReadLong(), ReadString());

    public string? ReadOptionalString() => ReadBool() ? ReadString() : null;

    public long? ReadOptionalLong() => ReadBool() ? ReadLong() : null;

    public int? ReadOptionalInt() => ReadBool() ? ReadInt() : null;

    public decimal? ReadOptionalDecimal() => ReadBool() ? ReadDecimal() : null;

    public EventKey? ReadOptionalKey() => ReadBool() ? ReadKey() : null;

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
