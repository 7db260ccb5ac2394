namespace Segmentation.Grains.Segments;

/// <summary>Writes and reads the small binary payloads of the segment record kinds.</summary>
internal static class SegmentPayload
{
    public static byte[] Write(Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    public static T Read<T>(byte[] payload, Func<BinaryReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(payload);
        using var reader = new BinaryReader(new MemoryStream(payload));
        return read(reader);
    }
}
