namespace Segmentation.TestKit.Esp;

/// <summary>One request the receiver got: its order (1 for the first), path, headers (lower-case names), exact body, and the receiver's clock's time then.</summary>
public sealed record ReceivedRequest(int Number, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset ReceivedAt)
{
    public string Header(string name) =>
        Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : throw new KeyNotFoundException($"Request {Number} has no '{name}' header.");

    public string WebhookId => Header("webhook-id");
}
