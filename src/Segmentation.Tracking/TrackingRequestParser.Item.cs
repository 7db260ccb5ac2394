using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Segmentation.Tracking;

public sealed partial class TrackingRequestParser
{
    private bool TryBuildMessage(
        JsonElement item,
        int index,
        bool inBatch,
        TrackingMessageType? impliedType,
        in BatchDefaults defaults,
        DateTimeOffset receivedAt,
        [NotNullWhen(true)] out TrackingMessage? message,
        [NotNullWhen(false)] out TrackingItemRejection? rejection)
    {
        var problem = item.ValueKind == JsonValueKind.Object
            ? Build(item, impliedType, defaults, receivedAt, out message, out var messageId)
            : NotAnObject(out message, out messageId);
        if (problem is null)
        {
            Debug.Assert(message is not null, "Build returns a message whenever it finds no problem.");
            rejection = null;
            return true;
        }

        var prefix = inBatch ? $"$.batch[{index}]" : "$";
        rejection = new TrackingItemRejection(index, messageId, problem.Code, problem.Message, prefix + problem.RelativePath);
        message = null;
        return false;
    }

    private PayloadProblem? Build(
        JsonElement item,
        TrackingMessageType? impliedType,
        in BatchDefaults defaults,
        DateTimeOffset receivedAt,
        out TrackingMessage? message,
        out string? messageId)
    {
        message = null;
        messageId = null;
        var size = JsonMarshal.GetRawUtf8Value(item).Length;
        if (size > _maxEventBytes)
        {
            return Problem(TrackingErrorCodes.EventTooLarge, $"The call is {size} bytes; the limit is {_maxEventBytes} bytes.", string.Empty);
        }

        var f = ItemFields.Read(item);
        PayloadProblem? problem;
        if ((problem = ReadId(f.MessageId, "messageId", _maxMessageIdLength, TrackingErrorCodes.MessageIdTooLong, out messageId)) is not null
            || (problem = ResolveType(f.Type, impliedType, out var type)) is not null
            || (problem = ReadId(f.UserId, "userId", _maxIdLength, TrackingErrorCodes.IdTooLong, out var userId)) is not null
            || (problem = ReadId(f.AnonymousId, "anonymousId", _maxIdLength, TrackingErrorCodes.IdTooLong, out var anonymousId)) is not null)
        {
            return problem;
        }

        if (userId is null && anonymousId is null)
        {
            return Problem(TrackingErrorCodes.MissingUserId, "A call needs a userId or an anonymousId.", ".userId");
        }

        if ((problem = ReadTypeFields(f, type, userId, out var typeFields)) is not null
            || (problem = ReadText(f.Channel, "channel", out var channel)) is not null
            || (problem = CheckObjectField(f.Properties, "properties")) is not null
            || (problem = CheckObjectField(f.Traits, "traits")) is not null
            || (problem = CheckObjectField(f.Context, "context")) is not null
            || (problem = CheckObjectField(f.Integrations, "integrations")) is not null
            || (problem = ResolveTimestamp(f, defaults.SentAt, receivedAt, out var timestamp)) is not null)
        {
            return problem;
        }

        var context = JsonObjectMerger.Combine(f.Context, defaults.Context, defaults.ContextCopy);
        var traits = JsonObjectMerger.Copy(f.Traits);
        if (type == TrackingMessageType.Identify && !traits.IsPresent)
        {
            // RudderStack sends identify traits in context.traits.
            traits = context.GetObject("traits"u8);
        }

        messageId ??= MessageIdGenerator.Generate(item, type);
        message = new TrackingMessage
        {
            Type = type,
            MessageId = messageId,
            UserId = userId,
            AnonymousId = anonymousId,
            Event = typeFields.Event,
            Name = typeFields.Name,
            GroupId = typeFields.GroupId,
            PreviousId = typeFields.PreviousId,
            Timestamp = timestamp,
            ReceivedAt = receivedAt,
            PropertiesJson = JsonObjectMerger.Copy(f.Properties),
            TraitsJson = traits,
            ContextJson = context,
            IntegrationsJson = JsonObjectMerger.Combine(f.Integrations, defaults.Integrations, defaults.IntegrationsCopy),
            Channel = channel,
        };
        return null;
    }

    /// <summary>Reads the fields one call type requires: event (track), name (page, screen), groupId, previousId.</summary>
    private PayloadProblem? ReadTypeFields(in ItemFields f, TrackingMessageType type, string? userId, out TypeFields fields)
    {
        fields = default;
        switch (type)
        {
            case TrackingMessageType.Track:
                if (ReadText(f.Event, "event", out var eventName) is { } eventProblem)
                {
                    return eventProblem;
                }

                if (string.IsNullOrWhiteSpace(eventName))
                {
                    return Problem(TrackingErrorCodes.MissingEvent, "A track call needs a non-empty \"event\" name.", ".event");
                }

                fields = new TypeFields(eventName, null, null, null);
                return null;
            case TrackingMessageType.Page or TrackingMessageType.Screen:
                var nameProblem = ReadText(f.Name, "name", out var name);
                fields = new TypeFields(null, name, null, null);
                return nameProblem;
            case TrackingMessageType.Group:
                if (ReadId(f.GroupId, "groupId", _maxIdLength, TrackingErrorCodes.IdTooLong, out var groupId) is { } groupProblem)
                {
                    return groupProblem;
                }

                fields = new TypeFields(null, null, groupId, null);
                return groupId is null
                    ? Problem(TrackingErrorCodes.MissingGroupId, "A group call needs a \"groupId\".", ".groupId")
                    : null;
            case TrackingMessageType.Alias:
                if (ReadId(f.PreviousId, "previousId", _maxIdLength, TrackingErrorCodes.IdTooLong, out var previousId) is { } previousProblem)
                {
                    return previousProblem;
                }

                if (previousId is null)
                {
                    return Problem(TrackingErrorCodes.MissingPreviousId, "An alias call needs a \"previousId\".", ".previousId");
                }

                fields = new TypeFields(null, null, null, previousId);
                return userId is null
                    ? Problem(TrackingErrorCodes.MissingUserId, "An alias call needs a \"userId\" (the new id).", ".userId")
                    : null;
            default:
                return null;
        }
    }

    private static PayloadProblem? ResolveTimestamp(
        in ItemFields f, DateTimeOffset? batchSentAt, DateTimeOffset receivedAt, out DateTimeOffset timestamp)
    {
        timestamp = default;
        PayloadProblem? problem;
        if ((problem = ReadTimestamp(f.Timestamp, "timestamp", out var given)) is not null
            || (problem = ReadTimestamp(f.OriginalTimestamp, "originalTimestamp", out var original)) is not null
            || (problem = ReadTimestamp(f.SentAt, "sentAt", out var sentAt)) is not null)
        {
            return problem;
        }

        if (!TrackingTimestamps.TryResolve(receivedAt, sentAt ?? batchSentAt, given ?? original, out timestamp))
        {
            var field = given is null ? ".originalTimestamp" : ".timestamp";
            return Problem(TrackingErrorCodes.InvalidTimestamp, "The timestamp corrected for clock skew is out of range.", field);
        }

        return null;
    }

    private static PayloadProblem NotAnObject(out TrackingMessage? message, out string? messageId)
    {
        message = null;
        messageId = null;
        return Problem(TrackingErrorCodes.InvalidFieldType, "Each call must be a JSON object.", string.Empty);
    }

    /// <summary>The fields that belong to one call type.</summary>
    private readonly record struct TypeFields(string? Event, string? Name, string? GroupId, string? PreviousId);
}
