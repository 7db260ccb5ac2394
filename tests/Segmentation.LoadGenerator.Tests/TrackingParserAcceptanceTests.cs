using Segmentation.Tracking;

namespace Segmentation.LoadGenerator.Tests;

/// <summary>The silo's own parser accepts every generated call.</summary>
public sealed class TrackingParserAcceptanceTests
{
    [Fact]
    public void The_silo_parser_accepts_every_generated_call_without_rejections()
    {
        var parser = new TrackingRequestParser();
        var receivedAt = ShopperStream.SentAt.AddMilliseconds(40);
        var accepted = new List<TrackingMessage>();
        foreach (var body in ShopperStream.Bodies(ShopperStream.SmallPopulation(seed: 3), batches: 100))
        {
            var result = parser.Parse(body, TrackingEndpoint.Batch, receivedAt);

            Assert.True(result.IsAccepted, result.Error?.ToString());
            Assert.Empty(result.Rejections);
            accepted.AddRange(result.Accepted.Select(a => a.Message));
        }

        Assert.Equal(10_000, accepted.Count);
        Assert.Equal(10_000, accepted.Select(m => m.MessageId).Distinct().Count());
        Assert.All(accepted, m => Assert.Equal(receivedAt, m.Timestamp));
        Assert.Contains(accepted, m => m.Type == TrackingMessageType.Identify && m.Traits?["email"] is not null);
        Assert.Contains(accepted, m => m.Type == TrackingMessageType.Page);
        Assert.All(accepted.Where(m => m.Event == "Order Completed"), m =>
        {
            Assert.NotNull(m.Properties?["order_id"]);
            Assert.NotNull(m.Properties?["revenue"]);
            Assert.NotEmpty(m.Properties!["products"]!.AsArray());
        });
        Assert.All(accepted, m => Assert.Equal("Segmentation.LoadGenerator", m.Context?["library"]?["name"]?.GetValue<string>()));
    }
}
