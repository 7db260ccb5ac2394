namespace Segmentation.Delivery.Esp;

/// <summary>A send cannot be turned into a request for the configured ESP (e.g. SendGrid without a template id): it fails without an attempt.</summary>
public sealed class EspRequestException(string message) : Exception(message);
