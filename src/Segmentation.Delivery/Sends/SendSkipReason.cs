namespace Segmentation.Delivery.Sends;

/// <summary>
/// Why a send was not made: a short code (see <see cref="SendSkipReasons"/> for the well-known ones; snake_case, at
/// most 64 characters) and an optional detail for people (never personal data: no emails or names).
/// </summary>
public sealed record SendSkipReason(string Code, string? Detail = null)
{
    public const int MaxCodeLength = 64;

    public const int MaxDetailLength = 500;

    public string? Validate() =>
        SendParts.Check(Code, "The skip reason code", MaxCodeLength)
        ?? (Detail is { Length: > MaxDetailLength } ? $"The skip reason detail must be at most {MaxDetailLength} characters." : null);
}
