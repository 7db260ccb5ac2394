using System.Text.Json.Serialization;

namespace Segmentation.Silo.Management;

/// <summary>Where a timeline page stopped in one id's log: the next page reads its records below <see cref="Before"/>.</summary>
public sealed record TimelinePosition(
    [property: JsonPropertyName("i")] string Id,
    [property: JsonPropertyName("b")] long Before);
