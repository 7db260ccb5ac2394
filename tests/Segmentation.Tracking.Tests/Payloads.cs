using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Segmentation.Tracking.Tests;

/// <summary>Realistic e-commerce (Segment spec v2) tracking calls, as the SDKs send them.</summary>
internal static class Payloads
{
    public static readonly DateTimeOffset ReceivedAt = new(2024, 5, 1, 10, 20, 0, TimeSpan.Zero);

    public static JsonObject OrderCompleted() => Parse("""
        {
          "type": "track",
          "messageId": "ajs-next-1714558530000-7c0b1b9e",
          "userId": "user-1001",
          "anonymousId": "anon-5b1f",
          "event": "Order Completed",
          "timestamp": "2024-05-01T10:15:30.000Z",
          "properties": {
            "order_id": "ORD-50314",
            "total": 41.5,
            "revenue": 25.0,
            "currency": "USD",
            "products": [
              { "product_id": "507f1f77bcf86cd799439011", "sku": "45790-32", "category": "Games",
                "name": "Monopoly: 3rd Edition", "brand": "Hasbro", "price": 19.0, "quantity": 1 },
              { "product_id": "505bd76785ebb509fc183733", "sku": "46493-32", "category": "Games",
                "name": "Uno Card Game", "brand": "Mattel", "price": 3.0, "quantity": 2 }
            ]
          },
          "context": { "ip": "203.0.113.7", "userAgent": "Mozilla/5.0", "timezone": "America/New_York" }
        }
        """);

    public static JsonObject ProductViewed() => Parse("""
        {
          "type": "track",
          "messageId": "ajs-next-1714558400000-1a2b3c4d",
          "anonymousId": "anon-5b1f",
          "event": "Product Viewed",
          "timestamp": "2024-05-01T10:13:20.000Z",
          "properties": {
            "product_id": "507f1f77bcf86cd799439011", "sku": "45790-32", "category": "Games",
            "name": "Monopoly: 3rd Edition", "brand": "Hasbro", "price": 19.0, "currency": "USD",
            "url": "https://shop.example.com/products/monopoly-3rd-edition"
          }
        }
        """);

    public static JsonObject ProductAdded() => Parse("""
        {
          "type": "track",
          "messageId": "ajs-next-1714558450000-5e6f7a8b",
          "anonymousId": "anon-5b1f",
          "event": "Product Added",
          "timestamp": "2024-05-01T10:14:10.000Z",
          "properties": {
            "cart_id": "skdjsidjsdkdj29j", "product_id": "507f1f77bcf86cd799439011", "sku": "45790-32",
            "category": "Games", "name": "Monopoly: 3rd Edition", "brand": "Hasbro", "price": 19.0, "quantity": 1
          }
        }
        """);

    public static JsonObject Identify() => Parse("""
        {
          "type": "identify",
          "messageId": "ajs-next-1714558300000-9c8d7e6f",
          "userId": "user-1001",
          "anonymousId": "anon-5b1f",
          "timestamp": "2024-05-01T10:11:40.000Z",
          "traits": {
            "email": "jane.doe@example.com", "first_name": "Jane", "birthday": "1990-07-14",
            "timezone": "America/New_York"
          }
        }
        """);

    public static JsonObject Page() => Parse("""
        {
          "type": "page",
          "messageId": "ajs-next-1714558200000-0f1e2d3c",
          "anonymousId": "anon-5b1f",
          "name": "Product Detail",
          "timestamp": "2024-05-01T10:10:00.000Z",
          "properties": { "path": "/products/monopoly-3rd-edition", "title": "Monopoly: 3rd Edition",
                          "url": "https://shop.example.com/products/monopoly-3rd-edition" }
        }
        """);

    public static JsonObject Screen() => Parse("""
        {
          "type": "screen",
          "messageId": "ios-1714558210000-44aa",
          "userId": "user-1001",
          "name": "Cart",
          "timestamp": "2024-05-01T10:10:10.000Z",
          "properties": { "cart_id": "skdjsidjsdkdj29j" }
        }
        """);

    public static JsonObject Group() => Parse("""
        {
          "type": "group",
          "messageId": "ajs-next-1714558250000-77bb",
          "userId": "user-1001",
          "groupId": "acme-wholesale",
          "timestamp": "2024-05-01T10:10:50.000Z",
          "traits": { "name": "Acme Wholesale", "plan": "b2b" }
        }
        """);

    public static JsonObject Alias() => Parse("""
        {
          "type": "alias",
          "messageId": "ajs-next-1714558310000-88cc",
          "userId": "user-1001",
          "previousId": "anon-5b1f",
          "timestamp": "2024-05-01T10:11:50.000Z"
        }
        """);

    /// <summary>A <c>/v1/batch</c> body as @segment/analytics-node sends it: batch, writeKey, sentAt.</summary>
    public static JsonObject Batch(params JsonNode[] items) => new() { ["batch"] = new JsonArray(items) };

    public static JsonObject Without(this JsonObject item, params string[] names)
    {
        foreach (var name in names)
        {
            item.Remove(name);
        }

        return item;
    }

    public static JsonObject With(this JsonObject item, string name, JsonNode? value)
    {
        item[name] = value;
        return item;
    }

    public static byte[] Bytes(this JsonNode body) => Encoding.UTF8.GetBytes(body.ToJsonString());

    public static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);

    public static byte[] Gzip(ReadOnlySpan<byte> data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
