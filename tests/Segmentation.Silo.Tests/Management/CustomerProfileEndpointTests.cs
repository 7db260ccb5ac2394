using System.Net;
using Segmentation.Silo.Tests.Infrastructure;
using static Segmentation.Silo.Tests.Management.ManagementHttp;

namespace Segmentation.Silo.Tests.Management;

public sealed class CustomerProfileEndpointTests
{
    [Fact]
    public async Task GetCustomer_UnknownId_Returns404Problem()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);

        // Act
        using var response = await silo.GetAsync("/api/customers/nobody", guard.Token);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await ReadJsonAsync(response, guard.Token);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
        Assert.Equal("No customer has the id 'nobody'.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetCustomer_AfterEvents_ReturnsTheWholeProfile()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        await silo.AppendAsync(
            guard.Token,
            Identify("m1", "u1", "Ada@Example.com", minutesAgo: 30, firstName: "Ada"),
            Track("m2", "Product Viewed", minutesAgo: 20, userId: "u1"),
            Order("m3", "u1", "o-1", 120.50m, minutesAgo: 10));

        // Act
        var body = await silo.GetJsonAsync("/api/customers/u1", guard.Token);

        // Assert
        Assert.Equal("u1", body.GetProperty("customerId").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("resolvedFrom").ValueKind);
        var profile = body.GetProperty("profile");
        Assert.Equal(ManagementTestSilo.Now, profile.GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal("u1", profile.GetProperty("identity").GetProperty("userId").GetString());
        Assert.Equal("Ada@Example.com", profile.GetProperty("traits").GetProperty("email").GetString());
        Assert.Equal("Ada", profile.GetProperty("traits").GetProperty("firstName").GetString());
        Assert.Equal(1, profile.GetProperty("purchases").GetProperty("orderCount").GetInt32());
        Assert.Equal(120.50m, profile.GetProperty("purchases").GetProperty("totalRevenue").GetDecimal());
        Assert.Equal("New", profile.GetProperty("lifecycle").GetProperty("stage").GetString());
    }

    [Fact]
    public async Task GetCustomer_AnonymousIdMergedIntoKnownCustomer_ReturnsTheKnownProfileAndSaysSo()
    {
        // Arrange: an anonymous visitor browses, then signs in as u1.
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        await silo.AppendAsync(guard.Token, Track("a1", "Product Viewed", minutesAgo: 50, anonymousId: "anon-1"));
        await silo.AppendAsync(guard.Token, Identify("k1", "u1", "ada@example.com", minutesAgo: 40, anonymousId: "anon-1"));

        // Act
        var body = await silo.GetJsonAsync("/api/customers/anon-1", guard.Token);

        // Assert
        Assert.Equal("u1", body.GetProperty("customerId").GetString());
        Assert.Equal("anon-1", body.GetProperty("resolvedFrom").GetString());
        var identity = body.GetProperty("profile").GetProperty("identity");
        Assert.Equal("u1", identity.GetProperty("userId").GetString());
        Assert.Contains("anon-1", identity.GetProperty("anonymousIds").EnumerateArray().Select(static id => id.GetString()));
    }

    [Fact]
    public async Task GetCustomer_IdLongerThanAnyCustomerId_Returns400ValidationProblem()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);

        // Act
        using var response = await silo.GetAsync($"/api/customers/{new string('x', 257)}", guard.Token);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadJsonAsync(response, guard.Token);
        Assert.True(body.GetProperty("errors").TryGetProperty("id", out _));
    }
}
