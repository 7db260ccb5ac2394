using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Segmentation.Tracking;

/// <summary>
/// The known top-level fields of a tracking call (or of a batch body), read in one pass over the object.
/// An absent field is <see cref="JsonValueKind.Undefined"/>; a repeated one keeps its last value.
/// </summary>
internal struct ItemFields
{
    public JsonElement Type;
    public JsonElement MessageId;
    public JsonElement UserId;
    public JsonElement AnonymousId;
    public JsonElement PreviousId;
    public JsonElement GroupId;
    public JsonElement Event;
    public JsonElement Name;
    public JsonElement Timestamp;
    public JsonElement OriginalTimestamp;
    public JsonElement SentAt;
    public JsonElement Properties;
    public JsonElement Traits;
    public JsonElement Context;
    public JsonElement Integrations;
    public JsonElement Channel;
    public JsonElement WriteKey;
    public JsonElement Batch;

    /// <summary>True when the field is absent or JSON null, which the API treats alike.</summary>
    public static bool IsAbsent(JsonElement element) => element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;

    public static ItemFields Read(JsonElement item)
    {
        var fields = default(ItemFields);
        var itemJson = JsonMarshal.GetRawUtf8Value(item);
        foreach (var property in item.EnumerateObject())
        {
            if (JsonRawNames.TryGetPlainName(itemJson, property, out var name))
            {
                fields.Assign(name, property.Value);
            }
            else
            {
                // An escaped name (e.g. "\u0074ype") is rare: compare its unescaped form.
                fields.Assign(Encoding.UTF8.GetBytes(property.Name), property.Value);
            }
        }

        return fields;
    }

    private void Assign(ReadOnlySpan<byte> name, JsonElement value)
    {
        switch (name.Length)
        {
            case 4 when name.SequenceEqual("type"u8): Type = value; break;
            case 4 when name.SequenceEqual("name"u8): Name = value; break;
            case 5 when name.SequenceEqual("event"u8): Event = value; break;
            case 5 when name.SequenceEqual("batch"u8): Batch = value; break;
            case 6 when name.SequenceEqual("userId"u8): UserId = value; break;
            case 6 when name.SequenceEqual("sentAt"u8): SentAt = value; break;
            case 6 when name.SequenceEqual("traits"u8): Traits = value; break;
            case 7 when name.SequenceEqual("groupId"u8): GroupId = value; break;
            case 7 when name.SequenceEqual("context"u8): Context = value; break;
            case 7 when name.SequenceEqual("channel"u8): Channel = value; break;
            case 8 when name.SequenceEqual("writeKey"u8): WriteKey = value; break;
            case 9 when name.SequenceEqual("messageId"u8): MessageId = value; break;
            case 9 when name.SequenceEqual("timestamp"u8): Timestamp = value; break;
            case 10 when name.SequenceEqual("previousId"u8): PreviousId = value; break;
            case 10 when name.SequenceEqual("properties"u8): Properties = value; break;
            case 11 when name.SequenceEqual("anonymousId"u8): AnonymousId = value; break;
            case 12 when name.SequenceEqual("integrations"u8): Integrations = value; break;
            case 17 when name.SequenceEqual("originalTimestamp"u8): OriginalTimestamp = value; break;
        }
    }
}
