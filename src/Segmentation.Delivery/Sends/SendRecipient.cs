namespace Segmentation.Delivery.Sends;

/// <summary>Who the email goes to: the address and the first name to greet (null when unknown).</summary>
public sealed record SendRecipient(string Email, string? FirstName);
