using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Grains.Segments;
using Segmentation.Runtime.Hosting;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Silo.Tests.Management;
using Segmentation.Silo.Tests.Sends;

namespace Segmentation.Silo.Tests.Recovery;

public sealed class CatchUpTests
{
    [Fact]
    public async Task Restart_WithRecordsAfterTheCheckpoint_ServesWhileCatchingUpAndSaysHowManyAreLeft()
    {
        using var guard = HangGuard.Start();
        await using var silo = await CatchUpTestSilo.StartAsync(guard.Token);
        var left = CatchUpTestSilo.RecordsBehindGate + 1;

        using var catchingUp = await silo.Client.GetAsync("/health/ready", guard.Token);
        var catchingUpBody = await ManagementHttp.ReadJsonAsync(catchingUp, guard.Token);
        var stats = await silo.GetJsonAsync("/api/silo", guard.Token);
        var free = await silo.Factory.Silo.Client.GetGrain<HeldGrain>("free").InvokeAsync(static g => g.CountAsync());
        silo.Gate.Open();
        await silo.Factory.Silo.WhenCaughtUpAsync().WaitAsync(guard.Token);
        using var caughtUp = await silo.Client.GetAsync("/health/ready", guard.Token);
        var caughtUpBody = await ManagementHttp.ReadJsonAsync(caughtUp, guard.Token);
        var caughtUpStats = await silo.GetJsonAsync("/api/silo", guard.Token);

        Assert.Equal(HttpStatusCode.OK, catchingUp.StatusCode);
        Assert.Equal($"Ready, catching up: {left} records to replay", Check(catchingUpBody));
        Assert.Equal(("Ready", left), (stats.GetProperty("status").GetString(), stats.GetProperty("recordsToCatchUp").GetInt64()));
        Assert.Equal(CatchUpTestSilo.RecordsBehindGate, free);
        Assert.Equal(HttpStatusCode.OK, caughtUp.StatusCode);
        Assert.Equal(nameof(SiloStatus.Ready), Check(caughtUpBody));
        Assert.Equal(0, caughtUpStats.GetProperty("recordsToCatchUp").GetInt64());
    }

    [Fact]
    public async Task SegmentBackfill_StartsOnlyOnceTheSiloHasCaughtUp()
    {
        using var guard = HangGuard.Start();
        await using var silo = await CatchUpTestSilo.StartAsync(guard.Token);
        var backfill = silo.Factory.Services.GetRequiredService<SegmentBackfillService>();

        silo.Gate.Open();
        await silo.Factory.Silo.WhenCaughtUpAsync().WaitAsync(guard.Token);
        await backfill.WhenIdleAsync().WaitAsync(guard.Token);

        // The starter segments' backfills run after the first start: only once every recovered record is applied.
        var messages = silo.Logs.Messages.ToList();
        var caughtUp = messages.FindIndex(static m => m.Contains("Caught up: replayed 4 records", StringComparison.Ordinal));
        var firstBackfill = messages.FindIndex(static m => m.Contains("Backfill of segment", StringComparison.Ordinal));
        Assert.InRange(caughtUp, 0, int.MaxValue);
        Assert.InRange(firstBackfill, caughtUp + 1, int.MaxValue);
    }

    [Fact]
    public async Task DeliveryDispatcher_StartsOnlyOnceTheSiloHasCaughtUp()
    {
        using var guard = HangGuard.Start();
        var delivery = new Dictionary<string, string>
        {
            ["Segmentation:Delivery:EndpointUrl"] = "http://127.0.0.1:9/esp",
            ["Segmentation:Delivery:SigningSecret"] = SendsTestSilo.Secret,
        };
        await using var silo = await CatchUpTestSilo.StartAsync(guard.Token, delivery);

        var startedWhileCatchingUp = silo.Logs.Messages.Any(IsDeliveryOn);
        silo.Gate.Open();
        await silo.Factory.Silo.WhenCaughtUpAsync().WaitAsync(guard.Token);
        await silo.Logs.WhenLoggedAsync(IsDeliveryOn).WaitAsync(guard.Token);

        Assert.False(startedWhileCatchingUp);
    }

    private static bool IsDeliveryOn(string message) => message.Contains("ESP delivery to", StringComparison.Ordinal);

    private static string? Check(JsonElement health) => health.GetProperty("checks").GetProperty("silo").GetString();
}
