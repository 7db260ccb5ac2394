using System.Text.Json.Nodes;

namespace Segmentation.Tracking.Tests;

public sealed class TrackingRequestParserBatchTests : ParserTestBase
{
    [Fact]
    public void Parse_MixedBatch_AcceptsValidItemsAndRejectsOthersWithIndexes()
    {
        // Arrange
        var body = Payloads.Batch(
            Payloads.ProductViewed(),
            Payloads.ProductAdded().Without("anonymousId"),
            Payloads.Identify(),
            Payloads.OrderCompleted().Without("event"),
            Payloads.Page()).Bytes();

        // Act
        var result = Parse(body);

        // Assert
        Assert.True(result.IsAccepted);
        Assert.Null(result.Error);
        Assert.Equal([0, 2, 4], result.Accepted.Select(a => a.Index));
        Assert.Equal(
            [
                new TrackingItemRejection(
                    1, "ajs-next-1714558450000-5e6f7a8b", TrackingErrorCodes.MissingUserId,
                    "A call needs a userId or an anonymousId.", "$.batch[1].userId"),
                new TrackingItemRejection(
                    3, "ajs-next-1714558530000-7c0b1b9e", TrackingErrorCodes.MissingEvent,
                    "A track call needs a non-empty \"event\" name.", "$.batch[3].event"),
            ],
            result.Rejections);
    }

    [Fact]
    public void Parse_AllItemsInvalid_RejectsRequestAndListsEveryItem()
    {
        // Arrange
        var body = Payloads.Batch(
            Payloads.ProductViewed().Without("anonymousId"),
            Payloads.Alias().Without("previousId"),
            Payloads.Page().With("type", "visit")).With("writeKey", "wk_live_3f9a").Bytes();

        // Act
        var result = Parse(body);

        // Assert
        Assert.False(result.IsAccepted);
        Assert.Equal(
            new TrackingRequestError(
                TrackingErrorCodes.NoValidItems, "None of the 3 calls in the batch is valid; each one's error is listed.", "$.batch"),
            result.Error);
        Assert.Empty(result.Accepted);
        Assert.Equal(
            [TrackingErrorCodes.MissingUserId, TrackingErrorCodes.MissingPreviousId, TrackingErrorCodes.UnknownType],
            result.Rejections.Select(r => r.Code));
        Assert.Equal([0, 1, 2], result.Rejections.Select(r => r.Index));
        Assert.Equal("wk_live_3f9a", result.WriteKey);
    }

    [Fact]
    public void Parse_EmptyBatch_RejectsNoValidItems()
    {
        // Act
        var result = Parse(Payloads.Bytes("""{"batch":[]}"""));

        // Assert
        Assert.Equal(new TrackingRequestError(TrackingErrorCodes.NoValidItems, "The batch is empty.", "$.batch"), result.Error);
    }

    [Fact]
    public void Parse_BatchEndpointWithoutBatchArray_RejectsMissingBatch()
    {
        // Arrange: a single call posted to /v1/batch.
        var body = Payloads.OrderCompleted().Bytes();

        // Act
        var result = Parse(body);

        // Assert
        Assert.Equal(
            new TrackingRequestError(TrackingErrorCodes.MissingBatch, "A /v1/batch body needs a \"batch\" array of calls.", "$.batch"),
            result.Error);
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public void Parse_BatchNotAnArray_RejectsMissingBatch()
    {
        // Act
        var result = Parse(Payloads.Bytes("""{"batch":{"type":"track"}}"""));

        // Assert
        Assert.Equal(new TrackingRequestError(TrackingErrorCodes.MissingBatch, "\"batch\" must be an array of calls.", "$.batch"), result.Error);
    }

    [Fact]
    public void Parse_WriteKeyInBody_IsReported()
    {
        // Arrange: @segment/analytics-node sends {batch, writeKey, sentAt}.
        var body = Payloads.Batch(Payloads.ProductViewed())
            .With("writeKey", "wk_live_3f9a").With("sentAt", "2024-05-01T10:13:21.000Z").Bytes();

        // Act
        var result = Parse(body);

        // Assert
        Assert.Equal("wk_live_3f9a", result.WriteKey);
        Assert.Single(result.Accepted);
    }

    [Fact]
    public void Parse_WriteKeyInSingleCallBody_IsReported()
    {
        // Arrange
        var body = Payloads.Identify().With("writeKey", "wk_live_3f9a").Bytes();

        // Act
        var result = Parse(body, TrackingEndpoint.Identify);

        // Assert
        Assert.Equal("wk_live_3f9a", result.WriteKey);
    }

    [Fact]
    public void Parse_NoWriteKeyInBody_ReportsNull()
    {
        // Act
        var result = Parse(Payloads.Batch(Payloads.ProductViewed()).Bytes());

        // Assert
        Assert.Null(result.WriteKey);
    }

    [Fact]
    public void Parse_BatchContextAndIntegrations_DeepMergeIntoItemsWithItemValuesWinning()
    {
        // Arrange
        var batchContext = Payloads.Parse("""
            { "ip": "203.0.113.7", "library": { "name": "analytics-node", "version": "2.1.0" },
              "campaign": { "source": "newsletter", "medium": "email", "name": "spring_sale" } }
            """);
        var itemContext = Payloads.Parse("""{ "ip": "198.51.100.4", "library": { "version": "2.2.0" } }""");
        var body = Payloads.Batch(
                Payloads.ProductViewed().With("context", itemContext).With("integrations", new JsonObject { ["Mailchimp"] = true }),
                Payloads.ProductAdded())
            .With("context", batchContext)
            .With("integrations", new JsonObject { ["All"] = true, ["Mailchimp"] = false })
            .Bytes();

        // Act
        var result = Parse(body);

        // Assert
        var first = result.Accepted[0].Message;
        Assert.True(JsonNode.DeepEquals(
            Payloads.Parse("""
                { "ip": "198.51.100.4", "library": { "version": "2.2.0", "name": "analytics-node" },
                  "campaign": { "source": "newsletter", "medium": "email", "name": "spring_sale" } }
                """),
            first.Context));
        Assert.True(JsonNode.DeepEquals(Payloads.Parse("""{ "Mailchimp": true, "All": true }"""), first.Integrations));
        var second = result.Accepted[1].Message;
        Assert.True(JsonNode.DeepEquals(batchContext, second.Context));
        Assert.True(JsonNode.DeepEquals(Payloads.Parse("""{ "All": true, "Mailchimp": false }"""), second.Integrations));
    }

    [Fact]
    public void Parse_ItemExplicitNullInContext_WinsOverBatchValue()
    {
        // Arrange
        var body = Payloads.Batch(Payloads.ProductViewed().With("context", Payloads.Parse("""{ "ip": null }""")))
            .With("context", Payloads.Parse("""{ "ip": "203.0.113.7" }""")).Bytes();

        // Act
        var message = SingleAccepted(Parse(body));

        // Assert
        Assert.True(message.Context!.ContainsKey("ip"));
        Assert.Null(message.Context["ip"]);
    }

    [Fact]
    public void Parse_BatchContext_GivesEachItemItsOwnCopy()
    {
        // Arrange
        var body = Payloads.Batch(Payloads.ProductViewed(), Payloads.ProductAdded())
            .With("context", Payloads.Parse("""{ "library": { "name": "analytics-node" } }""")).Bytes();
        var result = Parse(body);

        // Act
        result.Accepted[0].Message.Context!["library"]!["name"] = "changed";

        // Assert
        Assert.Equal("analytics-node", (string?)result.Accepted[1].Message.Context!["library"]!["name"]);
    }

    [Fact]
    public void Parse_BatchContextNotAnObject_RejectsWholeRequest()
    {
        // Arrange
        var body = Payloads.Batch(Payloads.ProductViewed()).With("context", "web").Bytes();

        // Act
        var result = Parse(body);

        // Assert
        Assert.Equal(
            new TrackingRequestError(TrackingErrorCodes.InvalidFieldType, "\"context\" must be a JSON object.", "$.context"),
            result.Error);
    }

    [Fact]
    public void Parse_MessagesOutliveTheRequestBuffer()
    {
        // Arrange
        var body = Payloads.Batch(Payloads.OrderCompleted()).Bytes();
        var message = SingleAccepted(Parse(body));

        // Act
        Array.Fill(body, (byte)' ');

        // Assert
        Assert.Equal("45790-32", (string?)message.Properties!["products"]![0]!["sku"]);
        Assert.Equal("203.0.113.7", (string?)message.Context!["ip"]);
    }
}
