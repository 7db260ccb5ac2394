namespace Segmentation.Tracking.Tests;

/// <summary>Shared helpers: a parser with default limits and the fixed receive time of <see cref="Payloads"/>.</summary>
public abstract class ParserTestBase
{
    private protected static readonly TrackingRequestParser Parser = new();

    private protected static TrackingParseResult Parse(byte[] body, TrackingEndpoint endpoint = TrackingEndpoint.Batch) =>
        Parser.Parse(body, endpoint, Payloads.ReceivedAt);

    private protected static TrackingMessage SingleAccepted(TrackingParseResult result)
    {
        Assert.Null(result.Error);
        Assert.Empty(result.Rejections);
        return Assert.Single(result.Accepted).Message;
    }

    private protected static TrackingItemRejection SingleRejection(TrackingParseResult result)
    {
        Assert.Empty(result.Accepted);
        return Assert.Single(result.Rejections);
    }
}
