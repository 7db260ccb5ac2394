using System.Text.Json;
using System.Text.Json.Serialization;
using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Outbox;

/// <summary>
/// Source-generated JSON of the outbox's log records and snapshots: camelCase, enums by name. JSON, so that fields
/// added to the payload later (recommendations are filled by later work) read old records as their defaults.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SendIntent))]
[JsonSerializable(typeof(SendPayload))]
[JsonSerializable(typeof(SendSkip))]
[JsonSerializable(typeof(AttemptRecord))]
[JsonSerializable(typeof(DeferralRecord))]
[JsonSerializable(typeof(RetryRecord))]
[JsonSerializable(typeof(OutboxSnapshot))]
internal sealed partial class OutboxJson : JsonSerializerContext
{
    public static byte[] Write<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.SerializeToUtf8Bytes(value, type);

    /// <exception cref="InvalidDataException">The payload is not a record of this type.</exception>
    public static T Read<T>(ReadOnlySpan<byte> payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, type)
                ?? throw new InvalidDataException($"An outbox record of type {typeof(T).Name} is null.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"An outbox record is not a valid {typeof(T).Name}: {exception.Message}", exception);
        }
    }
}
