using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Segmentation.Delivery.Esp;

/// <summary>
/// Signs a webhook the Standard Webhooks way: <c>webhook-signature: v1,&lt;base64 of HMAC-SHA256(key, id.timestamp.body)&gt;</c>,
/// where <c>id</c> is <c>webhook-id</c>, <c>timestamp</c> is <c>webhook-timestamp</c> (Unix seconds) and <c>body</c>
/// is the exact request body.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";

    public const string TimestampHeader = "webhook-timestamp";

    public const string SignatureHeader = "webhook-signature";

    public const string Version = "v1";

    public static string Sign(ReadOnlySpan<byte> key, string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var prefix = Encoding.UTF8.GetBytes($"{messageId}.{timestamp.ToString(CultureInfo.InvariantCulture)}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return $"{Version},{Convert.ToBase64String(HMACSHA256.HashData(key, signed))}";
    }
}
