using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Segmentation.Delivery.Sends;

/// <summary>
/// The deterministic id of a send: the same (customer, trigger, occurrence) always gives the same id, on every silo
/// and after every replay, so a send can never get a second id. It is the ESP's idempotency key (<c>webhook-id</c>).
/// Form: <c>snd_</c> and 32 lowercase hex digits, the first 128 bits of SHA-256 over the three parts, each
/// length-prefixed (so no two different triples hash the same input). It carries no personal data.
/// </summary>
public static class SendIds
{
    public const string Prefix = "snd_";

    /// <summary>The length of every send id.</summary>
    public const int Length = 36;

    public static string Compute(string customerId, string trigger, string occurrenceKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(trigger);
        ArgumentException.ThrowIfNullOrEmpty(occurrenceKey);
        var length = 12 + Encoding.UTF8.GetByteCount(customerId) + Encoding.UTF8.GetByteCount(trigger)
            + Encoding.UTF8.GetByteCount(occurrenceKey);
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        var input = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        var written = WritePart(input, customerId);
        written += WritePart(input[written..], trigger);
        WritePart(input[written..], occurrenceKey);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(input, digest);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Prefix + Convert.ToHexStringLower(digest[..16]);
    }

    /// <summary>True when <paramref name="id"/> has the form of a send id (any such string, computed or not).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: Length }
        && id.StartsWith(Prefix, StringComparison.Ordinal)
        && id.AsSpan(Prefix.Length).IndexOfAnyExcept("0123456789abcdef") < 0;

    // The part's UTF-8 length (big-endian) then its bytes; returns how many bytes were written.
    private static int WritePart(Span<byte> destination, string part)
    {
        var count = Encoding.UTF8.GetBytes(part, destination[4..]);
        BinaryPrimitives.WriteInt32BigEndian(destination, count);
        return 4 + count;
    }
}
