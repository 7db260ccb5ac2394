using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Rfm;

/// <summary>Snapshots an <see cref="RfmPopulation"/> (its three histograms) to bytes and back.</summary>
public static class RfmPopulationSerializer
{
    public const byte FormatVersion = 1;

    private static ReadOnlySpan<byte> Magic => "SGRP"u8;

    public static byte[] Serialize(RfmPopulation population)
    {
        ArgumentNullException.ThrowIfNull(population);
        using var writer = new SnapshotWriter();
        foreach (var b in Magic)
        {
            writer.WriteByte(b);
        }

        writer.WriteByte(FormatVersion);
        foreach (var histogram in new[] { population.LastOrderDays, population.Frequency, population.MonetaryCents })
        {
            var entries = histogram.Entries;
            writer.WriteInt(entries.Count);
            foreach (var (value, count) in entries)
            {
                writer.WriteLong(value);
                writer.WriteInt(count);
            }
        }

        return writer.ToArray();
    }

    /// <exception cref="FormatException">The bytes are not a population snapshot of a known version.</exception>
    public static RfmPopulation Deserialize(ReadOnlySpan<byte> data)
    {
        if (data.Length < Magic.Length + 1 || !data[..Magic.Length].SequenceEqual(Magic) || data[Magic.Length] != FormatVersion)
        {
            throw new FormatException("The data is not an RFM population snapshot of a known version.");
        }

        using var reader = new SnapshotReader(data[(Magic.Length + 1)..].ToArray());
        try
        {
            var population = new RfmPopulation();
            foreach (var histogram in new[] { population.LastOrderDays, population.Frequency, population.MonetaryCents })
            {
                var entries = reader.ReadCount();
                for (var i = 0; i < entries; i++)
                {
                    var value = reader.ReadLong();
                    var count = reader.ReadInt();
                    if (count <= 0)
                    {
                        throw new FormatException("The snapshot holds a non-positive histogram count.");
                    }

                    histogram.Add(value, count);
                }
            }

            if (!reader.AtEnd || population.LastOrderDays.Total != population.Count || population.MonetaryCents.Total != population.Count)
            {
                throw new FormatException("The RFM population snapshot is inconsistent.");
            }

            return population;
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or ArgumentException or OverflowException)
        {
            throw new FormatException("The RFM population snapshot is malformed.", exception);
        }
    }
}
