using System.Text;
using Segmentation.Domain.Profiles;
using Segmentation.Tracking;

namespace Segmentation.Domain.Tests.Profiles;

/// <summary>Profiles read the calls' JSON text in place: escapes and spacing must not change what they read.</summary>
public class CallTextTests
{
    // Every kind of field a profile reads, with escaped names and values, numbers as strings, nested objects and arrays.
    private static readonly string[] Bodies =
    [
        """{"batch":[{"type":"identify","userId":"u1","messageId":"m1","timestamp":"2025-01-01T10:00:00Z","traits":{"email":"Zo\u00eb@example.com","first_name":"Zoë","  spaced ":" x ","n":1.50,"e":1e3,"flag":true,"nil":null,"addr":{"country":"F\u0052","city":"Paris \"x\""},"arr":[1,"\u00e9",{"a":null}],"email_consent":true,"quote\"name":"v"},"context":{"timezone":"Europe/Paris","location":{"country":"FR"}}}]}""",
        """{"batch":[{"type":"track","userId":"u1","messageId":"m2","event":"Product Viewed","timestamp":"2025-01-01T10:01:00Z","properties":{"product_id":" p\u00e91 ","price":"  12.50 ","name":"Caf\u00e9","category":"shoes","url":"https:\/\/x","sku":12,"image_url":"i","x":1.50,"big":12345678901234567890123456789012345,"f":false,"t":"TRUE","time_on_page":"3.5"},"context":{"page":{"time_on_page_ms":1200},"campaign":{"name":"spring \u2028"}}}]}""",
        """{"batch":[{"type":"track","userId":"u1","messageId":"m3","event":"Order Completed","timestamp":"2025-01-01T10:02:00Z","properties":{"order_id":"o\u00201","revenue":"1e2","currency":"usd","products":[{"product_id":"p1","quantity":"2.7","price":10},{"sku":"s2","price":"5"},{"name":"only name"},{"x":1},"notobject",[1]]}}]}""",
        """{"batch":[{"type":"track","userId":"u1","messageId":"m4","event":"Email Opened","timestamp":"2025-01-01T10:03:00Z","properties":{"campaign_name":"  "},"context":{"campaign":{"name":"Camp\u00e9"}}},{"type":"track","userId":"u1","messageId":"m5","event":"Email Bounced","timestamp":"2025-01-01T10:04:00Z","properties":{"bounce_type":" SOFT "}},{"type":"track","userId":"u1","messageId":"m6","event":"Product Added","timestamp":"2025-01-01T10:05:00Z","properties":{"product_id":"p9","quantity":3,"price":1.1}},{"type":"track","userId":"u1","messageId":"m7","event":"Product Removed","timestamp":"2025-01-01T10:06:00Z","properties":{"product_id":"p9","quantity":"1"}},{"type":"identify","userId":"u1","messageId":"m8","timestamp":"2025-01-01T10:07:00Z","traits":{"unsubscribed":"yes","timezone":"Asia/Tokyo"},"context":{"timezone":"Europe/Paris"}}],"context":{"ip":"1.2.3.4","page":{"url":"u"}}}""",
        """{"batch":[{"type":"track","userId":"u1","messageId":"m9","event":"Products Searched","timestamp":"2025-01-01T10:08:00Z","properties":{"query":" red \u0073hoes "}},{"type":"track","userId":"u1","messageId":"m10","event":"Product List Viewed","timestamp":"2025-01-01T10:09:00Z","properties":{"category":" hats "}},{"type":"track","userId":"u1","messageId":"m11","event":"Order Refunded","timestamp":"2025-01-01T10:10:00Z","properties":{"order_id":"o 1","amount":-5}},{"type":"page","userId":"u1","messageId":"m12","timestamp":"2025-01-01T10:11:00Z","properties":{"timeOnPage":2}},{"type":"identify","userId":"u1","messageId":"m13","timestamp":"2025-01-01T10:12:00Z","context":{"traits":{"subscribed":0}}}]}""",
    ];

    [Fact]
    public void Apply_CallsAsSentAndAsCompactText_GiveTheSameProfile()
    {
        // Arrange
        var parser = new TrackingRequestParser();
        var receivedAt = new DateTimeOffset(2025, 1, 1, 11, 0, 0, TimeSpan.Zero);
        var asSent = Bodies
            .SelectMany(body => parser.Parse(Encoding.UTF8.GetBytes(body), TrackingEndpoint.Batch, receivedAt).Accepted)
            .Select(accepted => accepted.Message)
            .ToList();
        var compact = asSent.Select(m => m with
        {
            Properties = m.Properties,
            Traits = m.Traits,
            Context = m.Context,
            Integrations = m.Integrations,
        }).ToList();

        // Act
        var fromSent = new CustomerProfile();
        asSent.ForEach(m => fromSent.Apply(m));
        var fromCompact = new CustomerProfile();
        compact.ForEach(m => fromCompact.Apply(m));

        // Assert
        Assert.Equal(13, asSent.Count);
        Assert.NotEqual(asSent[0].TraitsJson, compact[0].TraitsJson);
        Assert.Equal(Convert.ToHexString(CustomerProfileSerializer.Serialize(fromCompact)), Convert.ToHexString(CustomerProfileSerializer.Serialize(fromSent)));
        Assert.Equal("Zoë", fromSent.FirstName);
        Assert.Equal("FR", fromSent.Country);
        Assert.Equal("Asia/Tokyo", fromSent.TimeZone);
        Assert.Equal(ConsentStatus.Unsubscribed, fromSent.EmailConsent.Status);
        Assert.Equal(["p1", "s2", "only name"], fromSent.GetOrders().Single().Items.Select(i => i.LineKey));
    }
}
