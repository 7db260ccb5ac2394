using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Segmentation.Silo.Tracking;

/// <summary>
/// Reads the write key from an <c>Authorization: Basic base64(writeKey + ":")</c> header, as the Segment and
/// RudderStack SDKs send it. The key is the user name; the password is ignored (the SDKs send an empty one).
/// </summary>
internal static class BasicAuthorization
{
    private const string Scheme = "Basic";

    /// <summary>Reads the user name of the header's Basic credentials.</summary>
    /// <param name="header">The <c>Authorization</c> header; null or empty when the request has none.</param>
    /// <param name="userName">The user name (the write key), or null when absent or empty.</param>
    /// <returns>
    /// <see cref="WriteKeyStatus.Valid"/> when the header is well-formed (the key is still to be checked),
    /// <see cref="WriteKeyStatus.Missing"/> when there is no header or its user name is empty, and
    /// <see cref="WriteKeyStatus.MalformedAuthorization"/> for another scheme or bad base64 or UTF-8.
    /// </returns>
    public static WriteKeyStatus TryRead(string? header, out string? userName)
    {
        userName = null;
        if (string.IsNullOrEmpty(header))
        {
            return WriteKeyStatus.Missing;
        }

        var value = header.AsSpan().Trim();
        if (value.Length <= Scheme.Length
            || !value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            || value[Scheme.Length] != ' ')
        {
            return WriteKeyStatus.MalformedAuthorization;
        }

        var encoded = value[(Scheme.Length + 1)..].Trim();
        var decoded = ArrayPool<byte>.Shared.Rent(Base64.GetMaxDecodedFromUtf8Length(encoded.Length));
        try
        {
            if (!Convert.TryFromBase64Chars(encoded, decoded, out var length))
            {
                return WriteKeyStatus.MalformedAuthorization;
            }

            string credentials;
            try
            {
                credentials = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(decoded, 0, length);
            }
            catch (DecoderFallbackException)
            {
                return WriteKeyStatus.MalformedAuthorization;
            }

            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            var user = colon < 0 ? credentials : credentials[..colon];
            if (user.Length == 0)
            {
                return WriteKeyStatus.Missing;
            }

            userName = user;
            return WriteKeyStatus.Valid;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(decoded, clearArray: true);
        }
    }
}
