using System.Net;
using System.Text;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Tracking;

namespace Segmentation.Silo.Tests.Tracking;

/// <summary>Malformed and invalid bodies: whole-request 400s, per-item reports, nothing applied from a refused request.</summary>
public sealed class TrackingValidationTests
{
    [Theory]
    [InlineData("""{"batch":[{"type":"track","userId":"u-bad","event":"X"}""", TrackingErrorCodes.MalformedJson)]
    [InlineData("""{"batch":[{"type":"track","userId":"u-bad","event":"X",}]}""", TrackingErrorCodes.MalformedJson)]
    [InlineData("", TrackingErrorCodes.MalformedJson)]
    [InlineData("""[{"type":"track","userId":"u-bad","event":"X"}]""", TrackingErrorCodes.InvalidFieldType)]
    [InlineData("""{"userId":"u-bad","event":"X"}""", TrackingErrorCodes.MissingBatch)]
    [InlineData("""{"batch":{"type":"track","userId":"u-bad","event":"X"}}""", TrackingErrorCodes.MissingBatch)]
    [InlineData("""{"batch":[]}""", TrackingErrorCodes.NoValidItems)]
    public async Task PostBatch_BodyRefusedWhole_Returns400AppliesNothingAndKeepsServing(string json, string code)
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);

        using var refused = await silo.PostAsync("/v1/batch", json, guard.Token);
        using var next = await silo.PostAsync("/v1/track", """{"userId":"u-next","event":"Product Viewed"}""", guard.Token);

        await TrackingHttp.AssertProblemAsync(refused, HttpStatusCode.BadRequest, code, guard.Token);
        Assert.False((await silo.GetCustomerAsync("u-bad", guard.Token)).Exists);
        await TrackingHttp.AssertSuccessAsync(next, guard.Token);
    }

    [Fact]
    public async Task PostBatch_InvalidUtf8_Returns400()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        var bytes = Encoding.UTF8.GetBytes("""{"batch":[{"type":"track","userId":"u-bad","event":"Caf#"}]}""");
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xC3; // a lead byte without its continuation byte

        using var response = await silo.SendAsync(
            TrackingHttp.Bytes("/v1/batch", bytes, "application/json", TrackingTestSilo.WriteKey), guard.Token);

        await TrackingHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest, TrackingErrorCodes.InvalidUtf8, guard.Token);
        Assert.False((await silo.GetCustomerAsync("u-bad", guard.Token)).Exists);
    }

    [Fact]
    public async Task PostTrack_NestingDeeperThanTheLimit_Returns400JsonTooDeep()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);
        var json = $$"""{"userId":"u-bad","event":"Product Viewed","properties":{{nested}}}""";

        using var response = await silo.PostAsync("/v1/track", json, guard.Token);

        await TrackingHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest, TrackingErrorCodes.JsonTooDeep, guard.Token);
        Assert.False((await silo.GetCustomerAsync("u-bad", guard.Token)).Exists);
    }

    [Fact]
    public async Task PostBatch_SomeItemsInvalid_Returns200ListingEachRejectedItemAndAppliesOnlyTheValidOnes()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        const string json = """
            {"batch":[
              {"type":"track","userId":"u-valid","event":"Product Viewed"},
              {"type":"track","userId":{"id":"u-object"},"event":"Product Viewed"},
              {"type":"purchase","userId":"u-unknown-type","event":"Order Completed"},
              {"type":"track","event":"Product Viewed","messageId":"m-no-ids"},
              {"type":"track","userId":"u-no-event"},
              {"userId":"u-no-type","event":"Product Viewed"},
              "not an object",
              {"type":"identify","userId":"u-valid","traits":{"email":"valid@example.com"}}
            ]}
            """;

        using var response = await silo.PostAsync("/v1/batch", json, guard.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TrackingHttp.ReadJsonAsync(response, guard.Token);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(
            [
                (1, TrackingErrorCodes.InvalidFieldType, "$.batch[1].userId"),
                (2, TrackingErrorCodes.UnknownType, "$.batch[2].type"),
                (3, TrackingErrorCodes.MissingUserId, "$.batch[3].userId"),
                (4, TrackingErrorCodes.MissingEvent, "$.batch[4].event"),
                (5, TrackingErrorCodes.MissingType, "$.batch[5].type"),
                (6, TrackingErrorCodes.InvalidFieldType, "$.batch[6]"),
            ],
            TrackingHttp.Rejected(body));
        var rejected = body.GetProperty("rejected");
        Assert.Equal("m-no-ids", rejected[2].GetProperty("messageId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(rejected[2].GetProperty("message").GetString()));
        var valid = (await silo.GetCustomerAsync("u-valid", guard.Token)).Profile!;
        Assert.Equal("valid@example.com", valid.Traits.Email);
        Assert.Equal(1, Assert.Single(valid.Events).Count);
        foreach (var id in new[] { "u-object", "u-unknown-type", "u-no-event", "u-no-type" })
        {
            Assert.False((await silo.GetCustomerAsync(id, guard.Token)).Exists, id);
        }
    }

    [Fact]
    public async Task PostBatch_NoValidItem_Returns400NoValidItemsListingEveryItem()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        const string json = """
            {"batch":[
              {"type":"track","userId":"u-bad"},
              {"type":"alias","userId":"u-bad"},
              {"type":"group","userId":"u-bad"}
            ]}
            """;

        using var response = await silo.PostAsync("/v1/batch", json, guard.Token);

        var problem = await TrackingHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest, TrackingErrorCodes.NoValidItems, guard.Token);
        Assert.Equal("$.batch", problem.GetProperty("path").GetString());
        Assert.Equal(
            [
                (0, TrackingErrorCodes.MissingEvent, "$.batch[0].event"),
                (1, TrackingErrorCodes.MissingPreviousId, "$.batch[1].previousId"),
                (2, TrackingErrorCodes.MissingGroupId, "$.batch[2].groupId"),
            ],
            TrackingHttp.Rejected(problem));
        Assert.False((await silo.GetCustomerAsync("u-bad", guard.Token)).Exists);
    }

    [Fact]
    public async Task PostBatch_BatchContextOfWrongType_Returns400WithPath()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);

        using var response = await silo.PostAsync(
            "/v1/batch", """{"context":"web","batch":[{"type":"track","userId":"u-bad","event":"X"}]}""", guard.Token);

        var problem = await TrackingHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest, TrackingErrorCodes.InvalidFieldType, guard.Token);
        Assert.Equal("$.context", problem.GetProperty("path").GetString());
        Assert.False((await silo.GetCustomerAsync("u-bad", guard.Token)).Exists);
    }
}
