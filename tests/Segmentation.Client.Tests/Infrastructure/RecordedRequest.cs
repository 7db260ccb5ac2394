using System.Text.Json;

namespace Segmentation.Client.Tests.Infrastructure;

/// <summary>One request as <see cref="TestReceiver"/> saw it; <see cref="Body"/> is decompressed when it was gzip.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    byte[] RawBody,
    string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public IReadOnlyList<JsonElement> Messages => [.. Json.GetProperty("batch").EnumerateArray()];

    public IReadOnlyList<string> MessageIds => [.. Messages.Select(m => m.GetProperty("messageId").GetString()!)];

    public IReadOnlyList<string> EventNames => [.. Messages.Select(m => m.GetProperty("event").GetString()!)];
}
