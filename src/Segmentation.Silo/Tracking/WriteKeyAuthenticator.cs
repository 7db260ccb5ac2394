using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Segmentation.Silo.Tracking;

/// <summary>
/// Checks write keys against <see cref="TrackingOptions.WriteKeys"/> in constant time: the presented key and every
/// configured key are compared as SHA-256 digests with <see cref="CryptographicOperations.FixedTimeEquals"/>, and
/// every configured key is compared each time, so neither a key's length nor its position shows in the timing.
/// Only the digests are kept.
/// </summary>
internal sealed class WriteKeyAuthenticator
{
    private readonly KeyDigest[] _keys;

    public WriteKeyAuthenticator(IOptions<TrackingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = options.Value.WriteKeys
            .Select(static k => new KeyDigest(Digest(k.Key), k.Name, k.Revoked))
            .ToArray();
        ActiveKeyCount = _keys.Count(static k => !k.Revoked);
        RevokedKeyCount = _keys.Length - ActiveKeyCount;
    }

    /// <summary>Configured keys that are not revoked; with none, every request is refused.</summary>
    public int ActiveKeyCount { get; }

    public int RevokedKeyCount { get; }

    /// <summary>Checks a presented key (null or empty when the request carried none).</summary>
    public WriteKeyCheck Check(string? presentedKey)
    {
        if (string.IsNullOrEmpty(presentedKey))
        {
            return new WriteKeyCheck(WriteKeyStatus.Missing, null);
        }

        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        Digest(presentedKey, presented);
        var match = -1;
        for (var i = 0; i < _keys.Length; i++)
        {
            var equal = CryptographicOperations.FixedTimeEquals(presented, _keys[i].Digest);
            match = equal ? i : match;
        }

        if (match < 0)
        {
            return new WriteKeyCheck(WriteKeyStatus.Unknown, null);
        }

        var key = _keys[match];
        return new WriteKeyCheck(key.Revoked ? WriteKeyStatus.Revoked : WriteKeyStatus.Valid, key.Name);
    }

    private static byte[] Digest(string key)
    {
        var digest = new byte[SHA256.HashSizeInBytes];
        Digest(key, digest);
        return digest;
    }

    private static void Digest(string key, Span<byte> destination) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(key), destination);

    private sealed record KeyDigest(byte[] Digest, string Name, bool Revoked);
}
