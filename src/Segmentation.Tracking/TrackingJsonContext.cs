using System.Text.Json.Serialization;

namespace Segmentation.Tracking;

/// <summary>
/// Source-generated JSON metadata for the log format of <see cref="TrackingMessage"/>: camelCase names, nulls
/// left out, the type as its name (stable if the enum is ever reordered), timestamps in ISO-8601 with all
/// seven fractional digits and the offset, so they round-trip to the tick.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(TrackingMessage))]
internal sealed partial class TrackingJsonContext : JsonSerializerContext;
