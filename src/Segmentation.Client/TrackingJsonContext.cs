using System.Text.Json.Serialization;

namespace Segmentation.Client;

/// <summary>Source-generated serialization of the wire format.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WireMessage))]
internal sealed partial class TrackingJsonContext : JsonSerializerContext;
