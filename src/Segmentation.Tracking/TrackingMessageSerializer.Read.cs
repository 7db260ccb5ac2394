using System.Text.Json;

namespace Segmentation.Tracking;

public static partial class TrackingMessageSerializer
{
    private static TrackingMessage Read(byte[] payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("A tracking message must be a JSON object.");
            }

            var fields = new Fields();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = Field(ref reader);
                reader.Read();
                fields.Assign(name, ref reader, payload);
            }

            return fields.ToMessage();
        }
        catch (InvalidOperationException exception)
        {
            throw new JsonException("A tracking message field has the wrong JSON type.", exception);
        }
        catch (FormatException exception)
        {
            throw new JsonException("A tracking message timestamp is not an ISO 8601 date-time.", exception);
        }
    }

    private static FieldName Field(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Field(reader.ValueSpan);
        }

        // An escaped name (never written by this serializer) is compared unescaped; none of the known names is long.
        Span<byte> name = stackalloc byte[32];
        return reader.ValueSpan.Length <= name.Length ? Field(name[..reader.CopyString(name)]) : FieldName.Unknown;
    }

    private static FieldName Field(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 when name.SequenceEqual("type"u8) => FieldName.Type,
        4 when name.SequenceEqual("name"u8) => FieldName.Name,
        5 when name.SequenceEqual("event"u8) => FieldName.Event,
        6 when name.SequenceEqual("userId"u8) => FieldName.UserId,
        6 when name.SequenceEqual("traits"u8) => FieldName.Traits,
        7 when name.SequenceEqual("groupId"u8) => FieldName.GroupId,
        7 when name.SequenceEqual("context"u8) => FieldName.Context,
        7 when name.SequenceEqual("channel"u8) => FieldName.Channel,
        9 when name.SequenceEqual("messageId"u8) => FieldName.MessageId,
        9 when name.SequenceEqual("timestamp"u8) => FieldName.Timestamp,
        10 when name.SequenceEqual("previousId"u8) => FieldName.PreviousId,
        10 when name.SequenceEqual("receivedAt"u8) => FieldName.ReceivedAt,
        10 when name.SequenceEqual("properties"u8) => FieldName.Properties,
        11 when name.SequenceEqual("anonymousId"u8) => FieldName.AnonymousId,
        12 when name.SequenceEqual("integrations"u8) => FieldName.Integrations,
        _ => FieldName.Unknown,
    };

    private enum FieldName
    {
        Unknown,
        Type,
        MessageId,
        UserId,
        AnonymousId,
        Event,
        Name,
        GroupId,
        PreviousId,
        Timestamp,
        ReceivedAt,
        Properties,
        Traits,
        Context,
        Integrations,
        Channel,
    }

    /// <summary>The fields read so far; a repeated field keeps its last value.</summary>
    private struct Fields
    {
        private TrackingMessageType? _type;
        private string? _messageId;
        private string? _userId;
        private string? _anonymousId;
        private string? _event;
        private string? _name;
        private string? _groupId;
        private string? _previousId;
        private DateTimeOffset? _timestamp;
        private DateTimeOffset? _receivedAt;
        private Utf8JsonObject _properties;
        private Utf8JsonObject _traits;
        private Utf8JsonObject _context;
        private Utf8JsonObject _integrations;
        private string? _channel;

        public void Assign(FieldName field, ref Utf8JsonReader reader, byte[] payload)
        {
            switch (field)
            {
                case FieldName.Type: _type = ReadType(ref reader); break;
                case FieldName.MessageId: _messageId = reader.GetString(); break;
                case FieldName.UserId: _userId = reader.GetString(); break;
                case FieldName.AnonymousId: _anonymousId = reader.GetString(); break;
                case FieldName.Event: _event = reader.GetString(); break;
                case FieldName.Name: _name = reader.GetString(); break;
                case FieldName.GroupId: _groupId = reader.GetString(); break;
                case FieldName.PreviousId: _previousId = reader.GetString(); break;
                case FieldName.Timestamp: _timestamp = ReadTime(ref reader); break;
                case FieldName.ReceivedAt: _receivedAt = ReadTime(ref reader); break;
                case FieldName.Properties: _properties = ReadObject(ref reader, payload); break;
                case FieldName.Traits: _traits = ReadObject(ref reader, payload); break;
                case FieldName.Context: _context = ReadObject(ref reader, payload); break;
                case FieldName.Integrations: _integrations = ReadObject(ref reader, payload); break;
                case FieldName.Channel: _channel = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }

        public readonly TrackingMessage ToMessage()
        {
            if (_type is not { } type || _messageId is null || _timestamp is not { } timestamp || _receivedAt is not { } receivedAt)
            {
                throw new JsonException("A tracking message needs type, messageId, timestamp and receivedAt.");
            }

            return new TrackingMessage
            {
                Type = type,
                MessageId = _messageId,
                UserId = _userId,
                AnonymousId = _anonymousId,
                Event = _event,
                Name = _name,
                GroupId = _groupId,
                PreviousId = _previousId,
                Timestamp = timestamp,
                ReceivedAt = receivedAt,
                PropertiesJson = _properties,
                TraitsJson = _traits,
                ContextJson = _context,
                IntegrationsJson = _integrations,
                Channel = _channel,
            };
        }

        private static TrackingMessageType? ReadType(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) && Enum.IsDefined((TrackingMessageType)number))
            {
                return (TrackingMessageType)number;
            }

            return Enum.TryParse<TrackingMessageType>(reader.GetString(), ignoreCase: true, out var type) && Enum.IsDefined(type)
                ? type
                : throw new JsonException("A tracking message has an unknown type.");
        }

        private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader) =>
            reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset();

        private static Utf8JsonObject ReadObject(ref Utf8JsonReader reader, byte[] payload)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return default;
                case JsonTokenType.StartObject:
                    Utf8JsonMembers.LocateValue(ref reader, out var start, out var length, out _);
                    return new Utf8JsonObject(payload.AsMemory(start, length));
                default:
                    throw new JsonException("A tracking message's object field holds another JSON type.");
            }
        }
    }
}
