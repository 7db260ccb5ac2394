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
        Assert.Null(await Population.CountAndListCellAsync(new RfmGridCoordinate(5, 1), null, 10));
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

    [Fact]
    public async Task CountAndListCellAsync_EveryCellPagedThrough_EqualsCountAsyncAndListCellAsync()
    {
        // Ties: many customers share each of a few order histories, so they share cells across shards.
        TrackingMessage[] orders =
        [
            .. Enumerable.Range(0, 30).Select(i => Order($"tie-{i:D2}", $"o-{i}", Now.AddHours(-i))),
            .. Enumerable.Range(0, 12).SelectMany(i => new[]
            {
                Order($"Two-{i:D2}", $"t-{i}-a", Now.AddDays(-100)),
                Order($"Two-{i:D2}", $"t-{i}-b", Now.AddDays(-120)),
            }),
            Order("old-1", "x-1", Now.AddDays(-400)),
        ];
        await SendAsync(orders);
        await _silo.Services.GetRequiredService<RfmRefresher>().RefreshAsync();
        var counts = await Population.CountAsync();
        Assert.NotNull(counts);

        foreach (var cell in AllCells())
        {
            var listed = new List<string>();
            string? after = null;
            do
            {
                var both = await Population.CountAndListCellAsync(cell, after, 7);
                var page = await Population.ListCellAsync(cell, after, 7);

                Assert.NotNull(both);
                Assert.Equal(counts.Counts, both.Grid.Counts);
                Assert.Equal(counts.CutPoints, both.Grid.CutPoints);
                Assert.Equal(counts.AsOf, both.Grid.AsOf);
                Assert.NotNull(page);
                Assert.Equal(page.CustomerIds, both.Page.CustomerIds);
                Assert.Equal(page.NextAfter, both.Page.NextAfter);
                listed.AddRange(both.Page.CustomerIds);
                after = both.Page.NextAfter;
            }
            while (after is not null);

            Assert.Equal(counts.CountOf(cell), listed.Count);
        }

        var ties = await Population.CountAndListCellAsync(new RfmGridCoordinate(5, 1), null, 7);
        Assert.Equal(30, ties!.Grid.CountOf(new RfmGridCoordinate(5, 1)));
        Assert.Equal(["tie-00", "tie-01", "tie-02", "tie-03", "tie-04", "tie-05", "tie-06"], ties.Page.CustomerIds);
        Assert.Equal("tie-06", ties.Page.NextAfter);
        var empty = await Population.CountAndListCellAsync(new RfmGridCoordinate(4, 4), null, 7);
        Assert.Equal((0, 0, null), (empty!.Grid.CountOf(new RfmGridCoordinate(4, 4)), empty.Page.CustomerIds.Count, empty.Page.NextAfter));
        Assert.Equal(43, empty.Grid.Total);
    }

    [Fact]
    public async Task CountAndListCellAsync_PageSizeOutOfRange_IsRefused()
    {
        var cell = new RfmGridCoordinate(5, 1);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Population.CountAndListCellAsync(cell, null, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Population.CountAndListCellAsync(cell, null, RfmPopulationDirectory.MaxPageSize + 1));
    }

    private static IEnumerable<RfmGridCoordinate> AllCells() =>
        Enumerable.Range(1, RfmGridCoordinate.Size)
            .SelectMany(r => Enumerable.Range(1, RfmGridCoordinate.Size).Select(f => new RfmGridCoordinate(r, f)));

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
