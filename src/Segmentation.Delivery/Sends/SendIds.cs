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
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendPart(hash, customerId);
        AppendPart(hash, trigger);
        AppendPart(hash, occurrenceKey);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Prefix + Convert.ToHexStringLower(digest[..16]);
    }

    /// <summary>True when <paramref name="id"/> has the form of a send id (any such string, computed or not).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: Length }
        && id.StartsWith(Prefix, StringComparison.Ordinal)
        && id.AsSpan(Prefix.Length).IndexOfAnyExcept("0123456789abcdef") < 0;

    private static void AppendPart(IncrementalHash hash, string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
