using System.Buffers;
using System.IO.Compression;
using System.Text.Json;

namespace Segmentation.Client;

/// <summary>Writes a batch request body: <c>{"batch":[...],"sentAt":"..."}</c>, optionally gzip-compressed.</summary>
internal static class BatchPayload
{
    /// <summary>
    /// Bytes a request body needs besides its messages and the commas between them:
    /// <c>{"batch":[</c>, <c>],"sentAt":"</c>, the timestamp and <c>"}</c> (48 bytes), rounded up.
    /// </summary>
    public const int EnvelopeBytes = 64;

    /// <summary>The uncompressed size of a body holding messages of <paramref name="messageBytes"/> bytes in all.</summary>
    public static long Size(long messageBytes, int messageCount) =>
        EnvelopeBytes + messageBytes + Math.Max(0, messageCount - 1);

    public static byte[] Write(IReadOnlyList<QueuedMessage> batch, DateTimeOffset sentAt, bool gzip)
    {
        var json = new ArrayBufferWriter<byte>(256 + batch.Sum(m => m.Json.Length + 1));
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("batch"u8);
            foreach (var message in batch)
            {
                writer.WriteRawValue(message.Json, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteString("sentAt"u8, IsoTimestamp.Format(sentAt));
            writer.WriteEndObject();
        }

        if (!gzip)
        {
            return json.WrittenSpan.ToArray();
        }

        using var compressed = new MemoryStream(json.WrittenCount / 4 + 64);
        using (var zip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(json.WrittenSpan);
        }

        return compressed.ToArray();
    }
}
