namespace Segmentation.Tracking;

/// <summary>The CRC-32 of gzip (ISO-HDLC, reflected polynomial 0xEDB88320), to check a gzip trailer.</summary>
internal static class Crc32
{
    private static readonly uint[] _table = CreateTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var table = _table;
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
