using System.Text.Json;
using System.Text.Json.Nodes;
using Segmentation.Client.Tests.Infrastructure;

namespace Segmentation.Client.Tests;

public sealed class WireFormatTests
{
    [Fact]
    public async Task Request_CarriesBasicAuthWithTheWriteKeyAndAnEmptyPassword()
    {
        await using var harness = await ClientHarness.StartAsync();

        harness.TrackMany(1);
        await harness.Client.FlushAsync().Guarded();

        var request = harness.Receiver.Requests.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/batch", request.Path);
        Assert.Equal("Basic d2tfdGVzdF8xMjM6", request.Header("Authorization")); // base64("wk_test_123:")
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoint_WithAPathAndNoTrailingSlash_PostsBelowThatPath()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var options = ClientHarness.DefaultOptions(
            new Uri(receiver.BaseAddress, "segment"), new FakeTimeProvider(ClientHarness.Start));
        await using var client = new TrackingClient(options);

        client.Track(TrackingIdentity.ForUser("user-1"), "Event 1");
        await client.FlushAsync().Guarded();

        Assert.Equal("/segment/v1/batch", receiver.Requests.Single().Path);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Gzip_Setting_DecidesTheContentEncoding(bool gzip)
    {
        await using var harness = await ClientHarness.StartAsync(o => o.Gzip = gzip);

        harness.TrackMany(3);
        await harness.Client.FlushAsync().Guarded();

        var request = harness.Receiver.Requests.Single();
        Assert.Equal(gzip ? "gzip" : null, request.Header("Content-Encoding"));
        var gzipMagic = request.RawBody.Length > 2 && request.RawBody[0] == 0x1f && request.RawBody[1] == 0x8b;
        Assert.Equal(gzip, gzipMagic);
        Assert.Equal(["Event 1", "Event 2", "Event 3"], request.EventNames);
    }

    [Fact]
    public async Task Track_IsSentWithStampedIdsAndTimestamps()
    {
        await using var harness = await ClientHarness.StartAsync();
        var properties = new JsonObject { ["order_id"] = "o-1001", ["revenue"] = 59.9, ["currency"] = "EUR" };

        harness.Client.Track(new TrackingIdentity("user-1", "anon-1"), "Order Completed", properties);
        properties["revenue"] = 0; // Changes after the call are not sent.
        harness.Time.Advance(TimeSpan.FromMilliseconds(250));
        await harness.Client.FlushAsync().Guarded();

        var body = harness.Receiver.Requests.Single().Json;
        Assert.Equal("2026-03-01T12:00:00.250Z", body.GetProperty("sentAt").GetString());
        var message = Assert.Single(body.GetProperty("batch").EnumerateArray());
        Assert.Equal("track", message.GetProperty("type").GetString());
        Assert.Equal("Order Completed", message.GetProperty("event").GetString());
        Assert.Equal("user-1", message.GetProperty("userId").GetString());
        Assert.Equal("anon-1", message.GetProperty("anonymousId").GetString());
        Assert.Equal("2026-03-01T12:00:00.000Z", message.GetProperty("timestamp").GetString());
        Assert.True(Guid.TryParse(message.GetProperty("messageId").GetString(), out _));
        Assert.Equal(
            """{"order_id":"o-1001","revenue":59.9,"currency":"EUR"}""",
            message.GetProperty("properties").GetRawText());
        Assert.Equal(
            "Segmentation.Client",
            message.GetProperty("context").GetProperty("library").GetProperty("name").GetString());
    }

    [Fact]
    public async Task IdentifyPageAndAlias_AreSentWithTheirFields()
    {
        await using var harness = await ClientHarness.StartAsync();

        harness.Client.Identify(
            TrackingIdentity.ForUser("user-1"), new JsonObject { ["email"] = "a@example.com" });
        harness.Client.Page(
            TrackingIdentity.ForAnonymous("anon-1"),
            "Checkout",
            new JsonObject { ["path"] = "/checkout" },
            context: new JsonObject { ["ip"] = "203.0.113.7" });
        harness.Client.Alias("anon-1", "user-1");
        await harness.Client.FlushAsync().Guarded();

        var messages = harness.Receiver.Requests.Single().Messages;
        Assert.Equal(["identify", "page", "alias"], messages.Select(m => m.GetProperty("type").GetString()));

        Assert.Equal("a@example.com", messages[0].GetProperty("traits").GetProperty("email").GetString());
        Assert.False(messages[0].TryGetProperty("anonymousId", out _));

        Assert.Equal("Checkout", messages[1].GetProperty("name").GetString());
        Assert.Equal("anon-1", messages[1].GetProperty("anonymousId").GetString());
        Assert.False(messages[1].TryGetProperty("userId", out _));
        Assert.Equal("/checkout", messages[1].GetProperty("properties").GetProperty("path").GetString());
        Assert.Equal("203.0.113.7", messages[1].GetProperty("context").GetProperty("ip").GetString());
        Assert.Equal(JsonValueKind.Object, messages[1].GetProperty("context").GetProperty("library").ValueKind);

        Assert.Equal("anon-1", messages[2].GetProperty("previousId").GetString());
        Assert.Equal("user-1", messages[2].GetProperty("userId").GetString());
        Assert.All(messages, m => Assert.Equal("2026-03-01T12:00:00.000Z", m.GetProperty("timestamp").GetString()));
    }
}
