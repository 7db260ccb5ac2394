using System.Net;
using Segmentation.Silo.Tests.Infrastructure;
using static Segmentation.Silo.Tests.Management.ManagementHttp;

namespace Segmentation.Silo.Tests.Management;

public sealed class CustomerSearchEndpointTests
{
    [Fact]
    public async Task Search_ById_ReturnsTheCustomerSummary()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        await silo.AppendAsync(
            guard.Token,
            Identify("m1", "u1", "ada@example.com", minutesAgo: 30, firstName: "Ada"),
            Order("m2", "u1", "o-1", 80m, minutesAgo: 20),
            Order("m3", "u1", "o-2", 20m, minutesAgo: 10));

        // Act
        var body = await silo.GetJsonAsync("/api/customers?query=u1", guard.Token);

        // Assert
        var customer = Assert.Single(body.GetProperty("customers").EnumerateArray());
        Assert.Equal("u1", customer.GetProperty("customerId").GetString());
        Assert.Equal("ada@example.com", customer.GetProperty("email").GetString());
        Assert.Equal("Ada", customer.GetProperty("firstName").GetString());
        Assert.Equal("Tester", customer.GetProperty("lastName").GetString());
        Assert.Equal("Active", customer.GetProperty("lifecycleStage").GetString());
        Assert.Equal(2, customer.GetProperty("orderCount").GetInt32());
        Assert.Equal(100m, customer.GetProperty("totalRevenue").GetDecimal());
        Assert.Equal(ManagementTestSilo.Now.AddMinutes(-10), customer.GetProperty("lastActivityAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("ADA@Example.COM")]
    [InlineData("  Ada@example.com ")]
    public async Task Search_ByEmailInAnyCase_ReturnsTheCustomer(string query)
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        await silo.AppendAsync(
            guard.Token,
            Identify("m1", "u1", "Ada@Example.com", minutesAgo: 30),
            Identify("m2", "u2", "grace@example.com", minutesAgo: 30));

        // Act
        var body = await silo.GetJsonAsync($"/api/customers?query={Uri.EscapeDataString(query)}", guard.Token);

        // Assert
        var customer = Assert.Single(body.GetProperty("customers").EnumerateArray());
        Assert.Equal("u1", customer.GetProperty("customerId").GetString());
    }

    [Fact]
    public async Task Search_ByMergedAnonymousId_ReturnsTheKnownCustomer()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        await silo.AppendAsync(guard.Token, Track("a1", "Product Viewed", minutesAgo: 50, anonymousId: "anon-1"));
        await silo.AppendAsync(guard.Token, Identify("k1", "u1", "ada@example.com", minutesAgo: 40, anonymousId: "anon-1"));

        // Act
        var body = await silo.GetJsonAsync("/api/customers?query=anon-1", guard.Token);

        // Assert
        Assert.Equal("u1", Assert.Single(body.GetProperty("customers").EnumerateArray()).GetProperty("customerId").GetString());
    }

    [Fact]
    public async Task Search_NoMatch_ReturnsEmptyList()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);

        // Act
        var body = await silo.GetJsonAsync("/api/customers?query=nobody%40example.com", guard.Token);

        // Assert
        Assert.Equal(0, body.GetProperty("customers").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/customers")]
    [InlineData("/api/customers?query=")]
    [InlineData("/api/customers?query=%20%20")]
    public async Task Search_QueryMissingOrBlank_Returns400ValidationProblem(string path)
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);

        // Act
        using var response = await silo.GetAsync(path, guard.Token);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await ReadJsonAsync(response, guard.Token);
        Assert.True(body.GetProperty("errors").TryGetProperty("query", out _));
    }
}
