using System.Buffers.Binary;
using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles;

/// <summary>
/// Snapshots a <see cref="CustomerProfile"/> to bytes and back, exactly: a restored profile behaves like the
/// original for every later message and query. The encoding is canonical (collections in sorted order,
/// decimals normalized, derived data left out), so equal states give equal bytes.
/// </summary>
public static class CustomerProfileSerializer
{
    /// <summary>
    /// The format version written after the magic bytes. 2 added the event timeline; a version 1 snapshot still
    /// reads, with an empty timeline (windowed event counts then start from the events applied after it). 3 writes
    /// each distinct set of timeline properties once and refers to it from later entries; a version 2 snapshot
    /// (properties inline in every entry) still reads.
    /// </summary>
    public const byte FormatVersion = 3;

    private const byte FirstVersion = 1;

    private static ReadOnlySpan<byte> Magic => "SGCP"u8;

    public static byte[] Serialize(CustomerProfile profile)
    {
        using var writer = Write(profile);
        return writer.ToArray();
    }

    /// <summary>
    /// Writes the bytes <see cref="Serialize(CustomerProfile)"/> gives to <paramref name="destination"/>, after their
    /// length as a 32-bit integer, without an array of their own: for a snapshot that holds the profile's.
    /// </summary>
    public static void Serialize(CustomerProfile profile, BinaryWriter destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var writer = Write(profile);
        destination.Write(writer.Written.Length);
        destination.Write(writer.Written);
    }

    private static SnapshotWriter Write(CustomerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var writer = new SnapshotWriter();
        foreach (var b in Magic)
        {
            writer.WriteByte(b);
        }

        writer.WriteByte(FormatVersion);
        profile.Write(writer);
        return writer;
    }

    /// <summary>
    /// Reads a profile written by <see cref="Serialize(CustomerProfile, BinaryWriter)"/> at the start of
    /// <paramref name="prefixed"/>, from its slice; <paramref name="bytesRead"/> is its length prefix and its bytes.
    /// </summary>
    /// <exception cref="FormatException">
    /// The bytes are shorter than their length prefix says, or not a profile snapshot of a known version.
    /// </exception>
    public static CustomerProfile Deserialize(ReadOnlySpan<byte> prefixed, out int bytesRead)
    {
        var length = prefixed.Length >= sizeof(int) ? BinaryPrimitives.ReadInt32LittleEndian(prefixed) : -1;
        if (length < 0 || length > prefixed.Length - sizeof(int))
        {
            throw new FormatException($"The customer snapshot of {prefixed.Length} bytes is shorter than its profile says.");
        }

        bytesRead = sizeof(int) + length;
        return Deserialize(prefixed.Slice(sizeof(int), length));
    }

    /// <exception cref="FormatException">The bytes are not a profile snapshot of a known version.</exception>
    public static CustomerProfile Deserialize(ReadOnlySpan<byte> data)
    {
        if (data.Length < Magic.Length + 1 || !data[..Magic.Length].SequenceEqual(Magic))
        {
            throw new FormatException("The data is not a customer profile snapshot.");
        }

        var version = data[Magic.Length];
        if (version is < FirstVersion or > FormatVersion)
        {
            throw new FormatException($"Unknown customer profile snapshot version {version}.");
        }

        using var reader = new SnapshotReader(data[(Magic.Length + 1)..].ToArray());
        try
        {
            var profile = CustomerProfile.Read(reader, version);
            if (!reader.AtEnd)
            {
                throw new FormatException("The snapshot has trailing data.");
            }

            return profile;
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or ArgumentException or OverflowException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("The customer profile snapshot is malformed.", exception);
        }
    }
}
