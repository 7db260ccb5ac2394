using System.Security.Cryptography;
using System.Text;

namespace Segmentation.Import.Events;

/// <summary>Deterministic message ids within the tracking API's 100-character limit.</summary>
public static class MessageIds
{
    /// <summary>The longest message id the tracking API keeps.</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// <c>{prefix}{kind}-{key}</c>, or, when that is too long, <c>{prefix}{kind}-h{first 32 hex digits of SHA-256(key)}</c>.
    /// </summary>
    public static string Create(string prefix, string kind, string key)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(key);
        var id = prefix + kind + "-" + key;
        if (id.Length <= MaxLength)
        {
            return id;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        return prefix + kind + "-h" + hash;
    }
}
