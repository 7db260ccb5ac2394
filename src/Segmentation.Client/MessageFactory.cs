using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Segmentation.Client;

/// <summary>
/// Turns a call into its serialized wire message: stamps <c>messageId</c> and <c>timestamp</c>, adds
/// <c>context.library</c>, and enforces the per-message size limit. Serializing at call time also snapshots
/// the caller's <see cref="JsonObject"/>s, so changing them afterwards does not change what is sent.
/// </summary>
internal sealed class MessageFactory
{
    private static readonly string LibraryVersion =
        typeof(MessageFactory).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private readonly TimeProvider _timeProvider;
    private readonly int _maxEventBytes;

    public MessageFactory(TrackingClientOptions options)
    {
        _timeProvider = options.TimeProvider;
        _maxEventBytes = options.MaxEventBytes;
    }

    /// <summary>A message of <paramref name="type"/> with a new id, the current time and the library context.</summary>
    public WireMessage Create(string type, string? userId, string? anonymousId, JsonObject? context) => new()
    {
        Type = type,
        UserId = userId,
        AnonymousId = anonymousId,
        Context = Context(context),
        MessageId = NewMessageId(),
        Timestamp = Now(),
    };

    private static string NewMessageId() => Guid.NewGuid().ToString("D");

    private string Now() => IsoTimestamp.Format(_timeProvider.GetUtcNow());

    /// <summary>The context sent with a message: a copy of the caller's with <c>library</c> added if absent.</summary>
    private static JsonObject Context(JsonObject? context)
    {
        var result = context is null ? new JsonObject() : (JsonObject)context.DeepClone();
        if (!result.ContainsKey("library"))
        {
            result["library"] = new JsonObject { ["name"] = "Segmentation.Client", ["version"] = LibraryVersion };
        }

        return result;
    }

    /// <summary>Serializes the message and checks its size.</summary>
    /// <param name="message">The message.</param>
    /// <param name="paramName">The argument blamed when the message is too large (the one carrying the payload).</param>
    /// <exception cref="ArgumentException">The serialized message exceeds the per-message limit.</exception>
    public byte[] Serialize(WireMessage message, string paramName)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(message, TrackingJsonContext.Default.WireMessage);
        if (json.Length > _maxEventBytes)
        {
            throw new ArgumentException(
                string.Format(
                    CultureInfo.InvariantCulture,
                    "The {0} message is {1:N0} bytes when serialized, over the limit of {2:N0} bytes per event " +
                    "(TrackingClientOptions.MaxEventBytes). Send fewer or smaller properties or traits.",
                    message.Type,
                    json.Length,
                    _maxEventBytes),
                paramName);
        }

        return json;
    }
}
