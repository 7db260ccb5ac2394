using System.Text.Json.Serialization;

namespace Segmentation.Delivery.Esp;

/// <summary>Source-generated JSON of the bodies posted to the ESP: camelCase (SendGrid's own fields by name), enums by name, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WebhookEnvelope))]
[JsonSerializable(typeof(SendGridMail))]
internal sealed partial class EspJson : JsonSerializerContext;
