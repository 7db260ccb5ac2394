using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Segmentation.Delivery.Tests.Infrastructure;

/// <summary>
/// How a receiver verifies a Standard Webhooks message, written from the specification and independently of the
/// product's signer: HMAC-SHA256 with the base64-decoded part of the <c>whsec_</c> secret over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>; any of the space-separated <c>v1,</c> signatures may match.
/// </summary>
internal static class WebhookVerifier
{
    public static bool Verifies(ReceivedRequest request, string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var content = $"{request.Header("webhook-id")}.{request.Header("webhook-timestamp")}.{Encoding.UTF8.GetString(request.Body)}";
        using var hmac = new HMACSHA256(key);
        var expected = "v1," + Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(content)));
        return request.Header("webhook-signature").Split(' ').Any(signature => CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(expected)));
    }

    public static long Timestamp(ReceivedRequest request) =>
        long.Parse(request.Header("webhook-timestamp"), NumberStyles.None, CultureInfo.InvariantCulture);
}
