namespace Segmentation.Delivery.Esp;

/// <summary>
/// A Standard Webhooks signing secret: <c>whsec_</c> followed by the base64 of 24 to 64 random bytes (the key of the
/// HMAC). The receiver verifies with the same secret.
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public const int MinKeyBytes = 24;

    public const int MaxKeyBytes = 64;

    /// <summary>The key bytes of <paramref name="secret"/>; false with the reason when it is not a valid secret.</summary>
    public static bool TryParse(string? secret, out byte[] key, out string? problem)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(secret))
        {
            problem = $"must be set: '{Prefix}' followed by the base64 of {MinKeyBytes} to {MaxKeyBytes} random bytes";
            return false;
        }

        if (!secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            problem = $"must start with '{Prefix}' (the Standard Webhooks form '{Prefix}<base64>')";
            return false;
        }

        var encoded = secret[Prefix.Length..];
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        if (encoded.Length == 0 || !Convert.TryFromBase64String(encoded, buffer, out var written))
        {
            problem = $"must be '{Prefix}' followed by valid base64";
            return false;
        }

        if (written is < MinKeyBytes or > MaxKeyBytes)
        {
            problem = $"must hold {MinKeyBytes} to {MaxKeyBytes} bytes after '{Prefix}'; it holds {written}";
            return false;
        }

        key = buffer[..written];
        problem = null;
        return true;
    }
}
