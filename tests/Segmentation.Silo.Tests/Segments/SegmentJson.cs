using System.Text.Json;
using System.Text.Json.Nodes;

namespace Segmentation.Silo.Tests.Segments;

/// <summary>Request bodies, tracking calls and response reading for the segments API tests.</summary>
internal static class SegmentJson
{
    /// <summary>A create or update body with the rule as text.</summary>
    public static string Body(string? id, string name, string rule, string? description = null)
    {
        var body = new JsonObject { ["name"] = name, ["rule"] = rule };
        if (id is not null)
        {
            body["id"] = id;
        }

        if (description is not null)
        {
            body["description"] = description;
        }

        return body.ToJsonString();
    }

    /// <summary>A Product Viewed track call of <paramref name="userId"/>, <paramref name="minutesAgo"/> before the test clock.</summary>
    public static JsonObject Viewed(string userId, double minutesAgo, string messageId) => new()
    {
        ["type"] = "track",
        ["messageId"] = messageId,
        ["userId"] = userId,
        ["event"] = "Product Viewed",
        ["timestamp"] = SegmentTestSilo.Now.AddMinutes(-minutesAgo).ToString("O"),
        ["properties"] = new JsonObject { ["product_id"] = "p-1", ["category"] = "shoes", ["price"] = 80 },
    };

    /// <summary>An identify call of <paramref name="userId"/> with an email.</summary>
    public static JsonObject Identify(string userId, string email, double minutesAgo, string messageId) => new()
    {
        ["type"] = "identify",
        ["messageId"] = messageId,
        ["userId"] = userId,
        ["timestamp"] = SegmentTestSilo.Now.AddMinutes(-minutesAgo).ToString("O"),
        ["traits"] = new JsonObject { ["email"] = email },
    };

    /// <summary>The ids of the segments of a list answer.</summary>
    public static string[] Ids(JsonElement list) =>
        [.. list.GetProperty("segments").EnumerateArray().Select(static s => s.GetProperty("id").GetString()!)];

    /// <summary>The customer ids of a members page.</summary>
    public static string[] MemberIds(JsonElement page) =>
        [.. page.GetProperty("members").EnumerateArray().Select(static m => m.GetProperty("customerId").GetString()!)];

    /// <summary>Asserts a refused rule: 400 ProblemDetails with the code and the exact message; returns the body.</summary>
    public static JsonElement AssertRuleProblem(JsonElement body, string code, string detail)
    {
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(detail, body.GetProperty("detail").GetString());
        return body;
    }

    /// <summary>The messages of a validation problem for <paramref name="field"/>.</summary>
    public static string[] Errors(JsonElement body, string field) =>
        [.. body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(static e => e.GetString()!)];
}
