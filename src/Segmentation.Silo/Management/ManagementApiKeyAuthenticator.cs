using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Segmentation.Silo.Management;

/// <summary>
/// Checks <c>Authorization: Bearer &lt;key&gt;</c> against <see cref="ManagementApiOptions.ApiKeys"/> in constant
/// time: the presented key and every configured key are compared as SHA-256 digests with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, every configured key each time, so neither a key's length
/// nor its position shows in the timing. Only the digests are kept.
/// </summary>
internal sealed class ManagementApiKeyAuthenticator
{
    private const string BearerPrefix = "Bearer ";

    private readonly KeyDigest[] _keys;

    public ManagementApiKeyAuthenticator(IOptions<ManagementApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = options.Value.ApiKeys.Select(static k => new KeyDigest(Digest(k.Key), k.Name, k.Revoked)).ToArray();
        ActiveKeyCount = _keys.Count(static k => !k.Revoked);
    }

    /// <summary>Configured keys that are not revoked; with none, every request is refused.</summary>
    public int ActiveKeyCount { get; }

    /// <summary>Checks the Authorization header(s) of a request; returns the key's name when it is configured.</summary>
    public (ManagementKeyStatus Status, string? KeyName) Check(StringValues authorization)
    {
        if (authorization.Count == 0)
        {
            return (ManagementKeyStatus.Missing, null);
        }

        var header = authorization.Count == 1 ? authorization[0] : null;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return (ManagementKeyStatus.Malformed, null);
        }

        var presentedKey = header[BearerPrefix.Length..].Trim();
        if (presentedKey.Length == 0)
        {
            return (ManagementKeyStatus.Malformed, null);
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
            return (ManagementKeyStatus.Unknown, null);
        }

        var key = _keys[match];
        return (key.Revoked ? ManagementKeyStatus.Revoked : ManagementKeyStatus.Valid, key.Name);
    }

    private static byte[] Digest(string key)
    {
        var digest = new byte[SHA256.HashSizeInBytes];
        Digest(key, digest);
        return digest;
    }

    private static void Digest(string key, Span<byte> destination) => SHA256.HashData(Encoding.UTF8.GetBytes(key), destination);

    private sealed record KeyDigest(byte[] Digest, string Name, bool Revoked);
}
