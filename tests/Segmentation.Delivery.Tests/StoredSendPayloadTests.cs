using System.Text;
using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;
using Segmentation.Delivery.Tests.Infrastructure;

namespace Segmentation.Delivery.Tests;

/// <summary>The outbox keeps a send's payload as its JSON; in snapshots it stays the payload object it always was.</summary>
public sealed class StoredSendPayloadTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OfIntentRecord_ReadsBackAsThePayload()
    {
        var payload = Intents.Cart("u-1", "cart-1", Now).Payload;

        var read = Stored(payload).Read();

        Assert.Equal(Json(payload), Json(read));
        Assert.Equal(payload.Recipient, read.Recipient);
        Assert.Equal(payload.CartItems, read.CartItems);
    }

    [Theory]
    [InlineData("{\"sendId\":\"snd_1\"}", "no payload object")]
    [InlineData("{\"payload\":5}", "no payload object")]
    [InlineData("{\"payload\":{\"recipient\":", "not valid JSON")]
    public void OfIntentRecord_WithoutAPayloadObject_IsRefused(string record, string expected)
    {
        var exception = Assert.Throws<InvalidDataException>(() => StoredSendPayload.OfIntentRecord(Encoding.UTF8.GetBytes(record)));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InASnapshot_IsThePayloadObject_AndReadsBackTheSame()
    {
        var payload = Intents.Cart("u-1", "cart-1", Now).Payload;
        var send = Send(Stored(payload));

        var snapshot = OutboxJson.Write(new OutboxSnapshot(1, null, [send]), OutboxJson.Default.OutboxSnapshot);
        var read = OutboxJson.Read(snapshot, OutboxJson.Default.OutboxSnapshot).Sends.Single();

        Assert.Contains("\"payload\":" + Json(payload), Encoding.UTF8.GetString(snapshot), StringComparison.Ordinal);
        Assert.Equal(Json(payload), Json(read.Payload!.Read()));
    }

    [Fact]
    public void InASnapshot_APayloadThatIsNoObject_IsRefused()
    {
        var snapshot = OutboxJson.Write(new OutboxSnapshot(1, null, [Send(null)]), OutboxJson.Default.OutboxSnapshot);
        var broken = Encoding.UTF8.GetString(snapshot).Replace("\"sendId\"", "\"payload\":5,\"sendId\"", StringComparison.Ordinal);

        var exception = Assert.Throws<InvalidDataException>(() => OutboxJson.Read(Encoding.UTF8.GetBytes(broken), OutboxJson.Default.OutboxSnapshot));

        Assert.Contains("payload is a JSON object", exception.Message, StringComparison.Ordinal);
    }

    private static StoredSendPayload Stored(SendPayload payload) =>
        StoredSendPayload.OfIntentRecord(OutboxMessages.Intent(Intents.Cart("u-1", "cart-1", Now) with { Payload = payload }).Payload);

    private static string Json(SendPayload payload) => Encoding.UTF8.GetString(OutboxJson.Write(payload, OutboxJson.Default.SendPayload));

    private static SendRecord Send(StoredSendPayload? payload) => new(
        SendIds.Compute("u-1", "cart_abandonment", "cart-1"), "u-1", "cart_abandonment", "cart-1", SendKind.Marketing, "d-1", Now, Now,
        SendStatus.Pending, Now, null, 0, [], null, null, [], [], payload);
}
