using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Segmentation.Silo.Management;

/// <summary>
/// The opaque <c>before</c> cursor of a customer's timeline: for the customer it resolved to, the position in each
/// log that still has older events (base64url of compact JSON). Ids not in it have nothing older to show.
/// </summary>
public sealed record TimelineCursor(
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("c")] string CustomerId,
    [property: JsonPropertyName("p")] IReadOnlyList<TimelinePosition> Positions)
{
    public const int CurrentVersion = 1;

    /// <summary>The longest cursor accepted, in characters.</summary>
    public const int MaxLength = 16_384;

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, ManagementJsonContext.Default.TimelineCursor));

    /// <summary>Reads a cursor made by <see cref="Encode"/>; false for anything else.</summary>
    public static bool TryDecode(string text, out TimelineCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || !Base64Url.IsValid(text))
        {
            return false;
        }

        try
        {
            var decoded = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(text), ManagementJsonContext.Default.TimelineCursor);
            if (decoded is { Version: CurrentVersion, CustomerId: not null, Positions: { Count: > 0 } positions }
                && positions.All(static p => p is { Id: not null, Before: > 0 }))
            {
                cursor = decoded;
            }
        }
        catch (JsonException)
        {
            // Not a cursor of ours: the caller answers 400.
        }

        return cursor is not null;
    }
}
