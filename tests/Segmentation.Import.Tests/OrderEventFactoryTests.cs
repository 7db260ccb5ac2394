using System.Text;
using System.Text.Json.Nodes;
using Segmentation.Import.Events;
using Segmentation.Import.Orders;
using Segmentation.Import.Tests.Infrastructure;
using Segmentation.Tracking;

namespace Segmentation.Import.Tests;

/// <summary>The tracking calls built from orders and refunds: fields, deterministic ids, wire format, size limit.</summary>
public sealed class OrderEventFactoryTests
{
    private static readonly string Sample = CsvText.Lines(
        "536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",
        "536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom",
        "C536379,85123A,WHITE HANGING HEART,-2,2010-12-05 10:00:00,2.55,17850.0,United Kingdom");

    [Fact]
    public void CreateAll_OrderAndRefund_CarryTheDomainsFields()
    {
        var events = new OrderEventFactory(new ImportSettings()).CreateAll(CsvText.Read(Sample));

        Assert.Equal(["import-order-536365", "import-refund-C536379-536365"], events.Select(e => e.MessageId));
        var order = events[0];
        Assert.Equal("Order Completed", order.Event);
        Assert.Equal("17850", order.UserId);
        Assert.Equal(new DateTimeOffset(2010, 12, 1, 8, 26, 0, TimeSpan.Zero), order.Timestamp);
        Assert.Equal("536365", (string?)order.Properties["order_id"]);
        Assert.Equal(35.64m, (decimal?)order.Properties["revenue"]);
        Assert.Equal("GBP", (string?)order.Properties["currency"]);
        var products = order.Properties["products"]!.AsArray();
        Assert.Equal(2, products.Count);
        Assert.Equal("85123A", (string?)products[0]!["product_id"]);
        Assert.Equal(2.55m, (decimal?)products[0]!["price"]);
        Assert.Equal(6, (int?)products[0]!["quantity"]);
        Assert.Equal("United Kingdom", (string?)order.Context["location"]!["country"]);

        var refund = events[1];
        Assert.Equal("Order Refunded", refund.Event);
        Assert.Equal("536365", (string?)refund.Properties["order_id"]);
        Assert.Equal(5.1m, (decimal?)refund.Properties["total"]);
        Assert.Equal(2, (int?)refund.Properties["products"]![0]!["quantity"]);
    }

    [Fact]
    public void CreateAll_TwoRunsOverTheSameFile_GiveIdenticalEvents()
    {
        var factory = new OrderEventFactory(new ImportSettings { Currency = "EUR", MessageIdPrefix = "hist-" });

        var first = factory.CreateAll(CsvText.Read(Sample)).Select(e => Encoding.UTF8.GetString(e.ToWireJson())).ToList();
        var second = factory.CreateAll(CsvText.Read(Sample)).Select(e => Encoding.UTF8.GetString(e.ToWireJson())).ToList();

        Assert.Equal(first, second);
        Assert.StartsWith("{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"17850\",\"messageId\":\"hist-order-536365\"", first[0], StringComparison.Ordinal);
        Assert.Contains("\"currency\":\"EUR\"", first[0], StringComparison.Ordinal);
    }

    [Fact]
    public void WireJson_IsAcceptedByTheTrackingParser_WithTheExactTimestamp()
    {
        var events = new OrderEventFactory(new ImportSettings()).CreateAll(CsvText.Read(Sample));
        var body = "{\"batch\":[" + string.Join(",", events.Select(e => Encoding.UTF8.GetString(e.ToWireJson()))) + "]}";

        var parsed = new TrackingRequestParser().Parse(Encoding.UTF8.GetBytes(body), TrackingEndpoint.Batch, DateTimeOffset.UtcNow);

        Assert.True(parsed.IsAccepted);
        Assert.Empty(parsed.Rejections);
        Assert.Equal(events.Select(e => e.Timestamp), parsed.Accepted.Select(a => a.Message.Timestamp));
        Assert.Equal(events.Select(e => e.MessageId), parsed.Accepted.Select(a => a.Message.MessageId));
    }

    [Fact]
    public void HugeOrder_KeepsItsExactRevenue_AndShortensProductsToFitTheEventLimit()
    {
        var rows = Enumerable.Range(0, 600).Select(i =>
            $"536365,SKU{i:D5},A PRODUCT WITH A RATHER LONG DESCRIPTION NUMBER {i},1,2010-12-01 08:26:00,1.10,17850.0,United Kingdom");
        var plan = CsvText.Read(CsvText.Lines(rows.ToArray()));

        var evt = Assert.Single(new OrderEventFactory(new ImportSettings()).CreateAll(plan));

        Assert.Equal(660m, (decimal?)evt.Properties["revenue"]);
        Assert.True(evt.ProductsOmitted > 0);
        Assert.Equal(600 - evt.ProductsOmitted, evt.Properties["products"]!.AsArray().Count);
        Assert.Equal(evt.ProductsOmitted, (int?)evt.Properties["products_omitted"]);
        Assert.True(evt.ToWireJson().Length <= new TrackingLimits().MaxEventBytes);
    }

    [Fact]
    public void MessageIds_TooLong_AreHashedDeterministically()
    {
        var key = new string('9', 64) + "-" + new string('8', 64);

        var id = MessageIds.Create("import-", "refund", key);

        Assert.True(id.Length <= MessageIds.MaxLength);
        Assert.StartsWith("import-refund-h", id, StringComparison.Ordinal);
        Assert.Equal(id, MessageIds.Create("import-", "refund", key));
        Assert.NotEqual(id, MessageIds.Create("import-", "refund", key + "0"));
    }

    [Fact]
    public void ToTrackingMessage_CopiesEverythingTheProfileReads()
    {
        var evt = new OrderEventFactory(new ImportSettings()).CreateAll(CsvText.Read(Sample))[0];
        var receivedAt = new DateTimeOffset(2011, 12, 10, 0, 0, 0, TimeSpan.Zero);

        var message = evt.ToTrackingMessage(receivedAt);

        Assert.Equal(TrackingMessageType.Track, message.Type);
        Assert.Equal(("17850", "Order Completed", "import-order-536365"), (message.UserId, message.Event, message.MessageId));
        Assert.Equal(evt.Timestamp, message.Timestamp);
        Assert.Equal(receivedAt, message.ReceivedAt);
        Assert.True(JsonNode.DeepEquals(evt.Properties, message.Properties));
    }
}
