using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Runtime.Storage;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Silo.Tracking;

namespace Segmentation.Silo.Tests.Tracking;

/// <summary>Overload (429), readiness (503), and replays that change nothing.</summary>
public sealed class TrackingBackpressureTests
{
    [Theory]
    [InlineData(1, 1, 1)] // the bound is reached: refused before the body is read
    [InlineData(3, 2, 2)] // below the bound, but this request would pass it
    public async Task Post_TooManyEventsPending_Returns429WithRetryAfterAndServesAgainOnceStored(
        int maxPending, int firstCount, int secondCount)
    {
        using var guard = HangGuard.Start();
        var (storage, gate) = AppendGateStorage.Create();
        await using var silo = await TrackingTestSilo.StartAsync(
            guard.Token,
            new Dictionary<string, string>
            {
                ["Segmentation:Tracking:MaxPendingEvents"] = maxPending.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Segmentation:Tracking:RetryAfter"] = "00:00:07",
            },
            services => services.AddSingleton(storage));
        gate.Close();

        var first = silo.PostAsync("/v1/batch", Batch("u-first", firstCount), guard.Token);
        await gate.AppendWaiting.WaitAsync(guard.Token);
        using var refused = await silo.PostAsync("/v1/batch", Batch("u-second", secondCount), guard.Token);
        var firstCompletedWhileHeld = first.IsCompleted;
        gate.Open();
        using var firstResponse = await first;
        using var retried = await silo.PostAsync("/v1/batch", Batch("u-second", secondCount), guard.Token);

        await TrackingHttp.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, TrackingHttpErrorCodes.Overloaded, guard.Token);
        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
        Assert.False(firstCompletedWhileHeld, "The first request was answered before its events were durable.");
        await TrackingHttp.AssertSuccessAsync(firstResponse, guard.Token);
        await TrackingHttp.AssertSuccessAsync(retried, guard.Token);
        Assert.Equal(firstCount, Assert.Single((await silo.GetCustomerAsync("u-first", guard.Token)).Profile!.Events).Count);
        Assert.Equal(secondCount, Assert.Single((await silo.GetCustomerAsync("u-second", guard.Token)).Profile!.Events).Count);
    }

    [Fact]
    public async Task Post_WhileTheSiloRecovers_Returns503WithRetryAfterThen200OnceReady()
    {
        using var guard = HangGuard.Start();
        var storage = new GatedRecoveryStorage();
        await using var silo = await TrackingTestSilo.StartAsync(
            guard.Token, services: services => services.AddSingleton<ISiloStorage>(storage), waitUntilReady: false);

        using var recovering = await silo.PostAsync("/v1/track", """{"userId":"u-recovery","event":"Product Viewed"}""", guard.Token);
        storage.Release();
        await silo.Factory.Silo.WhenReadyAsync().WaitAsync(guard.Token);
        using var ready = await silo.PostAsync("/v1/track", """{"userId":"u-recovery","event":"Product Viewed"}""", guard.Token);

        await TrackingHttp.AssertProblemAsync(recovering, HttpStatusCode.ServiceUnavailable, TrackingHttpErrorCodes.NotReady, guard.Token);
        Assert.Equal(TimeSpan.FromSeconds(5), recovering.Headers.RetryAfter?.Delta);
        await TrackingHttp.AssertSuccessAsync(ready, guard.Token);
        Assert.Equal(1, Assert.Single((await silo.GetCustomerAsync("u-recovery", guard.Token)).Profile!.Events).Count);
    }

    [Fact]
    public async Task PostBatch_SentTwice_LeavesTheSameProfile()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        // With client message ids and without (the silo derives a stable one from the call's content).
        const string json = """
            {"sentAt":"2026-03-02T11:59:59Z","batch":[
              {"type":"identify","userId":"u-replay","messageId":"m-1","traits":{"email":"replay@example.com"},"timestamp":"2026-03-02T11:00:00Z"},
              {"type":"track","userId":"u-replay","messageId":"m-2","event":"Product Added","properties":{"product_id":"p-1","price":20,"quantity":1},"timestamp":"2026-03-02T11:10:00Z"},
              {"type":"track","userId":"u-replay","event":"Order Completed","properties":{"order_id":"o-1","total":20,"revenue":20,"currency":"EUR","products":[{"product_id":"p-1","price":20,"quantity":1}]},"timestamp":"2026-03-02T11:20:00Z"},
              {"type":"page","userId":"u-replay","name":"Thanks","timestamp":"2026-03-02T11:21:00Z"}
            ]}
            """;

        using var first = await silo.PostAsync("/v1/batch", json, guard.Token);
        var afterFirst = JsonSerializer.Serialize(await silo.GetCustomerAsync("u-replay", guard.Token));
        using var second = await silo.PostAsync("/v1/batch", json, guard.Token);
        var afterSecond = JsonSerializer.Serialize(await silo.GetCustomerAsync("u-replay", guard.Token));

        await TrackingHttp.AssertSuccessAsync(first, guard.Token);
        await TrackingHttp.AssertSuccessAsync(second, guard.Token);
        Assert.Equal(afterFirst, afterSecond);
        var profile = (await silo.GetCustomerAsync("u-replay", guard.Token)).Profile!;
        Assert.Equal(1, profile.Purchases.OrderCount);
        Assert.Equal(1, Assert.Single(profile.Events, static e => e.Name == "Order Completed").Count);
    }

    private static string Batch(string userId, int count) =>
        "{\"batch\":[" + string.Join(',', Enumerable.Range(0, count).Select(i =>
            $$"""{"type":"track","userId":"{{userId}}","event":"Product Viewed","messageId":"{{userId}}-{{i}}"}""")) + "]}";
}
