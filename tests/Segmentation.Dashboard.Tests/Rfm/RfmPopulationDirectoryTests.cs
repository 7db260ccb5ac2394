using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Grains;
using Segmentation.Grains.Customers;
using Segmentation.Grains.Rfm;
using Segmentation.TestKit;
using Segmentation.Tracking;

namespace Segmentation.Dashboard.Tests.Rfm;

/// <summary>
/// The RFM grid read from the population shards, with fixed thresholds (R5 within 30 days, R3 within 180; F1 one
/// order, F2 two) so that each customer's cell is known.
/// </summary>
public sealed class RfmPopulationDirectoryTests : IAsyncLifetime
{
    private TestSilo _silo = default!;

    private RfmPopulationDirectory Population => new(
        _silo.Client, _silo.Services.GetRequiredService<RfmCutPointsCache>(), _silo.Clock);

    private DateTimeOffset Now => _silo.Clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        var options = new TestSiloOptions { Configure = static builder => builder.AddCustomerProfiles() };
        options.Settings["Segmentation:Profiles:Rfm:Mode"] = "FixedThresholds";
        _silo = await TestSilo.StartAsync(options);
    }

    public Task DisposeAsync() => _silo.DisposeAsync().AsTask();

    [Fact]
    public async Task CountAsync_BeforeFirstCutPoints_IsNull()
    {
        await SendAsync(Order("new-1", "o-1", Now));

        Assert.Null(await Population.CountAsync());
        Assert.Null(await Population.ListCellAsync(new RfmGridCoordinate(5, 1), null, 10));
    }

    [Fact]
    public async Task CountAsync_CustomersWithAndWithoutOrders_CountsEachCustomerWithOrdersInItsCell()
    {
        await SendAsync(
            Order("new-1", "o-1", Now),
            Order("new-2", "o-2", Now.AddDays(-2)),
            Order("sleepy", "o-3", Now.AddDays(-100)),
            Order("sleepy", "o-4", Now.AddDays(-101)),
            View("browser-only"));
        await _silo.Services.GetRequiredService<RfmRefresher>().RefreshAsync();

        var grid = await Population.CountAsync();

        Assert.NotNull(grid);
        Assert.Equal(3, grid.Total);
        Assert.Equal(2, grid.CountOf(new RfmGridCoordinate(5, 1)));
        Assert.Equal(1, grid.CountOf(new RfmGridCoordinate(3, 2)));
    }

    [Fact]
    public async Task ListCellAsync_PagedByOne_ListsTheCellsCustomersInIdOrderAcrossShards()
    {
        string[] newcomers = ["n-c", "n-a", "n-d", "n-b"];
        await SendAsync([.. newcomers.Select((id, i) => Order(id, $"o-{i}", Now)), Order("older", "o-9", Now.AddDays(-100))]);
        await _silo.Services.GetRequiredService<RfmRefresher>().RefreshAsync();
        var cell = new RfmGridCoordinate(5, 1);

        var listed = new List<string>();
        string? after = null;
        do
        {
            var page = await Population.ListCellAsync(cell, after, 3);
            Assert.NotNull(page);
            listed.AddRange(page.CustomerIds);
            after = page.NextAfter;
        }
        while (after is not null);

        Assert.Equal(["n-a", "n-b", "n-c", "n-d"], listed);
    }

    private async Task SendAsync(params TrackingMessage[] messages)
    {
        await _silo.Services.GetRequiredService<CustomerDirectory>().AppendAsync(messages);
        await _silo.WhenIdleAsync();
    }

    private static TrackingMessage Order(string userId, string orderId, DateTimeOffset at) => Call(userId, "Order Completed", at, new JsonObject
    {
        ["order_id"] = orderId,
        ["revenue"] = 40,
        ["currency"] = "USD",
    });

    private TrackingMessage View(string userId) => Call(userId, "Product Viewed", Now, new JsonObject { ["product_id"] = "p-1" });

    private static TrackingMessage Call(string userId, string name, DateTimeOffset at, JsonObject properties) => new()
    {
        Type = TrackingMessageType.Track,
        MessageId = Guid.NewGuid().ToString("N"),
        UserId = userId,
        Event = name,
        Properties = properties,
        Timestamp = at,
        ReceivedAt = at,
    };
}
