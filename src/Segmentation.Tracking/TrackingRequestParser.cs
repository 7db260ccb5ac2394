using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Segmentation.Tracking;

/// <summary>
/// Parses and validates the body of a Segment-compatible tracking request (<c>/v1/batch</c>, <c>/v1/track</c>,
/// <c>/v1/identify</c>, <c>/v1/page</c>, <c>/v1/screen</c>, <c>/v1/group</c>, <c>/v1/alias</c>) into normalized
/// <see cref="TrackingMessage"/>s. Pure and thread-safe: one instance serves every request. The body is parsed
/// once; each accepted message owns copies of its JSON objects, so nothing refers to the request buffer afterwards.
/// </summary>
/// <remarks>
/// Whole-request errors (invalid UTF-8, malformed or too deep JSON, oversize body, a batch without a batch array
/// or without one valid item) reject everything. Otherwise each item is accepted or rejected on its own, and the
/// first problem found in an item is the one reported for it. A gzip body is decompressed first with
/// <see cref="GzipBodyDecoder"/>.
/// </remarks>
public sealed partial class TrackingRequestParser
{
    private readonly int _maxEventBytes;
    private readonly int _maxRequestBytes;
    private readonly int _maxJsonDepth;
    private readonly int _maxMessageIdLength;
    private readonly int _maxIdLength;
    private readonly JsonDocumentOptions _documentOptions;

    /// <summary>A parser with the default <see cref="TrackingLimits"/>.</summary>
    public TrackingRequestParser()
        : this(new TrackingLimits())
    {
    }

    /// <summary>A parser with the given limits, copied now (later changes to <paramref name="limits"/> do not apply).</summary>
    /// <exception cref="ArgumentException">A limit is invalid (see <see cref="TrackingLimits.Validate"/>).</exception>
    public TrackingRequestParser(TrackingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.EnsureValid();
        _maxEventBytes = limits.MaxEventBytes;
        _maxRequestBytes = limits.MaxRequestBytes;
        _maxJsonDepth = limits.MaxJsonDepth;
        _maxMessageIdLength = limits.MaxMessageIdLength;
        _maxIdLength = limits.MaxIdLength;
        _documentOptions = new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth };
    }

    /// <summary>Parses one request body.</summary>
    /// <param name="body">The body as UTF-8 JSON, already decompressed if it was sent gzip.</param>
    /// <param name="endpoint">The endpoint it was posted to.</param>
    /// <param name="receivedAt">When the silo received it; the reference for clock-skew correction.</param>
    public TrackingParseResult Parse(ReadOnlyMemory<byte> body, TrackingEndpoint endpoint, DateTimeOffset receivedAt)
    {
        if (!Enum.IsDefined(endpoint))
        {
            throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "Unknown tracking endpoint.");
        }

        if (body.Length > _maxRequestBytes)
        {
            return Failed(
                TrackingErrorCodes.RequestTooLarge,
                $"The body is {body.Length} bytes; the limit is {_maxRequestBytes} bytes.");
        }

        if (body.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            body = body[Encoding.UTF8.Preamble.Length..];
        }

        if (body.IsEmpty)
        {
            return Failed(TrackingErrorCodes.MalformedJson, "The body is empty; it must be a JSON object.");
        }

        if (!Utf8.IsValid(body.Span))
        {
            return Failed(
                TrackingErrorCodes.InvalidUtf8,
                $"The body is not valid UTF-8 (first invalid byte at offset {FirstInvalidUtf8Offset(body.Span)}).");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, _documentOptions);
        }
        catch (JsonException exception)
        {
            return TrackingParseResult.Failed(JsonFailureClassifier.Classify(body.Span, _maxJsonDepth, exception));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Failed(TrackingErrorCodes.InvalidFieldType, "The body must be a JSON object.", "$");
            }

            var fields = ItemFields.Read(root);
            var writeKey = fields.WriteKey.ValueKind == JsonValueKind.String && TryGetString(fields.WriteKey, out var key)
                ? key
                : null;
            receivedAt = receivedAt.ToUniversalTime();
            return endpoint == TrackingEndpoint.Batch
                ? ParseBatch(fields, writeKey, receivedAt)
                : ParseSingle(root, ImpliedType(endpoint), writeKey, receivedAt);
        }
    }

    private TrackingParseResult ParseBatch(in ItemFields body, string? writeKey, DateTimeOffset receivedAt)
    {
        if (body.Batch.ValueKind != JsonValueKind.Array)
        {
            var message = ItemFields.IsAbsent(body.Batch)
                ? "A /v1/batch body needs a \"batch\" array of calls."
                : "\"batch\" must be an array of calls.";
            return Failed(TrackingErrorCodes.MissingBatch, message, "$.batch", writeKey);
        }

        if (CheckObjectField(body.Context, "context") is { } contextProblem)
        {
            return Failed(contextProblem.Code, contextProblem.Message, "$" + contextProblem.RelativePath, writeKey);
        }

        if (CheckObjectField(body.Integrations, "integrations") is { } integrationsProblem)
        {
            return Failed(integrationsProblem.Code, integrationsProblem.Message, "$" + integrationsProblem.RelativePath, writeKey);
        }

        if (ReadTimestamp(body.SentAt, "sentAt", out var sentAt) is { } sentAtProblem)
        {
            return Failed(sentAtProblem.Code, sentAtProblem.Message, "$" + sentAtProblem.RelativePath, writeKey);
        }

        var count = body.Batch.GetArrayLength();
        if (count == 0)
        {
            return Failed(TrackingErrorCodes.NoValidItems, "The batch is empty.", "$.batch", writeKey);
        }

        var defaults = new BatchDefaults(
            body.Context, JsonObjectMerger.Copy(body.Context), body.Integrations, JsonObjectMerger.Copy(body.Integrations), sentAt);
        var accepted = new List<AcceptedTrackingMessage>(count);
        List<TrackingItemRejection>? rejections = null;
        var index = 0;
        foreach (var item in body.Batch.EnumerateArray())
        {
            if (TryBuildMessage(item, index, inBatch: true, impliedType: null, defaults, receivedAt, out var built, out var rejection))
            {
                accepted.Add(new AcceptedTrackingMessage(index, built));
            }
            else
            {
                (rejections ??= []).Add(rejection);
            }

            index++;
        }

        IReadOnlyList<TrackingItemRejection> rejected = rejections ?? [];
        if (accepted.Count == 0)
        {
            var error = new TrackingRequestError(
                TrackingErrorCodes.NoValidItems,
                $"None of the {count} calls in the batch is valid; each one's error is listed.",
                "$.batch");
            return new TrackingParseResult([], rejected, writeKey, error);
        }

        return new TrackingParseResult(accepted, rejected, writeKey, null);
    }

    private TrackingParseResult ParseSingle(
        JsonElement root, TrackingMessageType impliedType, string? writeKey, DateTimeOffset receivedAt)
    {
        if (TryBuildMessage(root, 0, inBatch: false, impliedType, default, receivedAt, out var message, out var rejection))
        {
            return new TrackingParseResult([new AcceptedTrackingMessage(0, message)], [], writeKey, null);
        }

        var error = new TrackingRequestError(rejection.Code, rejection.Message, rejection.Path);
        return new TrackingParseResult([], [rejection], writeKey, error);
    }

    private static TrackingMessageType ImpliedType(TrackingEndpoint endpoint) => endpoint switch
    {
        TrackingEndpoint.Track => TrackingMessageType.Track,
        TrackingEndpoint.Identify => TrackingMessageType.Identify,
        TrackingEndpoint.Page => TrackingMessageType.Page,
        TrackingEndpoint.Screen => TrackingMessageType.Screen,
        TrackingEndpoint.Group => TrackingMessageType.Group,
        TrackingEndpoint.Alias => TrackingMessageType.Alias,
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "The batch endpoint implies no type."),
    };

    private static int FirstInvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    private static TrackingParseResult Failed(string code, string message, string? path = null, string? writeKey = null) =>
        TrackingParseResult.Failed(new TrackingRequestError(code, message, path), writeKey);

    /// <summary>The batch-level values every item of a batch inherits.</summary>
    /// <remarks>The copies are made once per request and shared by every item without an object of its own.</remarks>
    private readonly record struct BatchDefaults(
        JsonElement Context, Utf8JsonObject ContextCopy, JsonElement Integrations, Utf8JsonObject IntegrationsCopy, DateTimeOffset? SentAt);
}
