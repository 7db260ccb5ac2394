using System.Net;
using System.Text;
using Segmentation.Silo.Tests.Infrastructure;
using static Segmentation.Silo.Tests.Segments.SegmentJson;

namespace Segmentation.Silo.Tests.Segments;

/// <summary>Bodies and query parameters that are not what the API takes: 400 (or 415) naming the field, nothing saved.</summary>
public sealed class SegmentRequestValidationTests
{
    [Theory]
    [InlineData("""{"name":"Buyers","rule":"orders_count > 0" """, "body", "The body is not valid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. LineNumber: 0 | BytePositionInLine: 43.")]
    [InlineData("""["orders_count > 0"]""", "body", "The body must be a JSON object; got an array.")]
    [InlineData("""{"rule":"orders_count > 0"}""", "name", "A name is required.")]
    [InlineData("""{"name":7,"rule":"orders_count > 0"}""", "name", "'name' must be a string; got a number.")]
    [InlineData("""{"name":"Buyers"}""", "rule", "A rule is required: give it as text in 'rule' (e.g. \"orders_count(30d) > 3\") or in its JSON form in 'ruleJson'.")]
    [InlineData("""{"name":"Buyers","rule":"orders_count > 0","ruleJson":{"kind":"is_true","subject":{"kind":"attribute","name":"can_email"}}}""", "rule", "Give the rule either as text in 'rule' or in its JSON form in 'ruleJson', not both.")]
    [InlineData("""{"name":"Buyers","rule":{"kind":"is_true"}}""", "rule", "'rule' must be a string; got an object.")]
    [InlineData("""{"name":"Buyers","rules":"orders_count > 0"}""", "rules", "Unknown field 'rules'; the body takes 'id', 'name', 'rule', 'ruleJson', 'description'.")]
    [InlineData("""{"name":"Buyers","RuleJSON":{}}""", "RuleJSON", "Unknown field 'RuleJSON'; did you mean 'ruleJson'? Field names are case-sensitive.")]
    public async Task Create_MalformedBody_Returns400NamingTheField(string json, string field, string message)
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        var before = Ids(await silo.GetJsonAsync("/api/segments", guard.Token));

        // Act
        var body = await silo.ExpectAsync(HttpMethod.Post, "/api/segments", HttpStatusCode.BadRequest, guard.Token, json);

        // Assert
        Assert.Equal(message, Assert.Single(Errors(body, field)));
        Assert.Contains(message, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, Ids(await silo.GetJsonAsync("/api/segments", guard.Token)));
    }

    [Fact]
    public async Task Create_MalformedRuleJson_Returns400NamingTheJsonPath()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        const string json = """
            {"id":"mixed","name":"Mixed","ruleJson":{"kind":"and","operands":[
              {"kind":"is_true","subject":{"kind":"attribute","name":"can_email"}},{"kind2":"x"}]}}
            """;

        // Act
        var body = await silo.ExpectAsync(HttpMethod.Post, "/api/segments", HttpStatusCode.BadRequest, guard.Token, json);

        // Assert
        AssertRuleProblem(
            body,
            "malformed_tree",
            "malformed rule JSON at $.operands[1]: missing `kind`; expected one of and, or, not, compare, in, text_match, presence, recency, is_true");
        using var afterwards = await silo.SendAsync(HttpMethod.Get, "/api/segments/mixed", guard.Token);
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
    }

    [Fact]
    public async Task Create_RuleJsonWithUnknownAttribute_Returns400WithSuggestion()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        const string json = """{"name":"Reachable","ruleJson":{"kind":"is_true","subject":{"kind":"attribute","name":"can_emial"}}}""";

        // Act
        var body = await silo.ExpectAsync(HttpMethod.Post, "/api/segments", HttpStatusCode.BadRequest, guard.Token, json);

        // Assert
        AssertRuleProblem(body, "unknown_name", "unknown attribute `can_emial`; did you mean `can_email`? (in `can_emial`)");
        Assert.Equal("can_email", body.GetProperty("suggestion").GetString());
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Create_BodyNotSentAsJson_Returns415AndSavesNothing(string? contentType)
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"id":"buyers","name":"Buyers","rule":"orders_count > 0"}"""));
        if (contentType is not null)
        {
            content.Headers.ContentType = new(contentType);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/segments") { Content = content };
        request.Headers.Authorization = new("Bearer", SegmentTestSilo.Key);

        // Act
        using var response = await silo.Client.SendAsync(request, guard.Token);

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var afterwards = await silo.SendAsync(HttpMethod.Get, "/api/segments/buyers", guard.Token);
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
    }

    [Fact]
    public async Task Create_WithoutContentType_SaysToSendJson()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/segments")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"name":"Buyers","rule":"orders_count > 0"}""")),
        };
        request.Headers.Authorization = new("Bearer", SegmentTestSilo.Key);

        // Act
        using var response = await silo.Client.SendAsync(request, guard.Token);

        // Assert
        var body = await Management.ManagementHttp.ReadJsonAsync(response, guard.Token);
        Assert.Equal(415, body.GetProperty("status").GetInt32());
        Assert.Equal("The body has no content type; send it as JSON with 'Content-Type: application/json'.", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{"rule":"can_email","sampleSize":101}""", "sampleSize", "'sampleSize' must be from 0 to 100; got 101.")]
    [InlineData("""{"rule":"can_email","sampleSize":-1}""", "sampleSize", "'sampleSize' must be from 0 to 100; got -1.")]
    [InlineData("""{"rule":"can_email","sampleSize":2.5}""", "sampleSize", "'sampleSize' must be a whole number; got 2.5.")]
    [InlineData("""{"sampleSize":5}""", "rule", "A rule is required: give it as text in 'rule' (e.g. \"orders_count(30d) > 3\") or in its JSON form in 'ruleJson'.")]
    [InlineData("""{"rule":"can_email","name":"x"}""", "name", "Unknown field 'name'; the body takes 'rule', 'ruleJson', 'sampleSize'.")]
    public async Task Preview_MalformedBody_Returns400NamingTheField(string json, string field, string message)
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);

        // Act
        var body = await silo.ExpectAsync(HttpMethod.Post, "/api/segments/preview", HttpStatusCode.BadRequest, guard.Token, json);

        // Assert
        Assert.Equal(message, Assert.Single(Errors(body, field)));
    }

    [Theory]
    [InlineData("/api/segments/vip/members?limit=0", "limit", "The limit must be a whole number from 1 to 1000.")]
    [InlineData("/api/segments/vip/members?limit=1001", "limit", "The limit must be a whole number from 1 to 1000.")]
    [InlineData("/api/segments/vip/members?limit=ten", "limit", "The limit must be a whole number from 1 to 1000.")]
    [InlineData("/api/segments/vip/history?resolution=day", "resolution", "The resolution must be 'minute' or 'hour'; got 'day'.")]
    public async Task Get_BadQueryParameter_Returns400NamingIt(string path, string field, string message)
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);

        // Act
        var body = await silo.ExpectAsync(HttpMethod.Get, path, HttpStatusCode.BadRequest, guard.Token);

        // Assert
        Assert.Equal(message, Assert.Single(Errors(body, field)));
    }

    [Fact]
    public async Task GetMembers_CursorNotMadeByTheApi_Returns400()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);

        // Act
        var body = await silo.ExpectAsync(HttpMethod.Get, "/api/segments/vip/members?cursor=not%20a%20cursor", HttpStatusCode.BadRequest, guard.Token);

        // Assert
        Assert.Equal(["The cursor is not one this API returned as 'next'."], Errors(body, "cursor"));
    }
}
