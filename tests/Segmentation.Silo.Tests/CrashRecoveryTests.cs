using System.Text.Json;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Silo.Tests.Tracking;

namespace Segmentation.Silo.Tests;

/// <summary>
/// Kill -9 of a real silo process while it is busy: every event it acknowledged is there after the restart, and no
/// event counts twice (an event that was durable but not yet acknowledged may be there once, never more).
/// </summary>
public sealed class CrashRecoveryTests
{
    private const string WriteKey = "crash-tests-write-key-000001";
    private const int Senders = 8;
    private const int Customers = 16;
    private const int EventsPerBatch = 25;
    private const int AcknowledgedBeforeKill = 2_000;

    [Fact]
    public async Task KillHard_WhileBatchesAreInFlight_AcknowledgedEventsSurviveAndNoneCountsTwice()
    {
        using var guard = HangGuard.Start();
        using var temp = new TempDirectory();
        var dataDirectory = temp.Combine("data");
        var sent = new int[Customers];
        var acknowledged = new int[Customers];
        var acknowledgedOrders = new HashSet<string>();
        var sentOrders = new HashSet<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (var silo = SiloProcess.Start(dataDirectory, Environment()))
        {
            await silo.WaitUntilReadyAsync(guard.Token);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(guard.Token);
            var senders = Enumerable.Range(0, Senders)
                .Select(sender => SendUntilStoppedAsync(
                    silo.BaseAddress, sender, sent, acknowledged, sentOrders, acknowledgedOrders, enough, stop.Token))
                .ToList();

            // Kill once plenty has been acknowledged, with every sender's next request in flight.
            await enough.Task.WaitAsync(guard.Token);
            silo.KillHard();
            await silo.WaitForExitAsync(guard.Token);
            await Task.WhenAll(senders);
        }

        await using var restarted = SiloProcess.Start(dataDirectory, Environment());
        await restarted.WaitUntilReadyAsync(guard.Token);
        for (var customer = 0; customer < Customers; customer++)
        {
            var profile = await ManagementApiReader.GetProfileAsync(restarted.BaseAddress, CustomerId(customer), guard.Token);
            var viewed = ViewCount(profile);
            Assert.InRange(viewed, acknowledged[customer], sent[customer]);
        }

        var orders = await CountOrdersAsync(restarted.BaseAddress, guard.Token);
        Assert.InRange(orders, acknowledgedOrders.Count, sentOrders.Count);
        Assert.Equal(0, await restarted.StopGracefullyAsync(guard.Token));
    }

    private static async Task SendUntilStoppedAsync(
        Uri baseAddress, int sender, int[] sent, int[] acknowledged, HashSet<string> sentOrders, HashSet<string> acknowledgedOrders,
        TaskCompletionSource enough, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        for (var request = 0; !cancellationToken.IsCancellationRequested; request++)
        {
            var customer = (sender + request) % Customers;
            var orderId = $"o-{sender}-{request}";
            lock (sentOrders)
            {
                sentOrders.Add(orderId);
                sent[customer] += EventsPerBatch;
            }

            try
            {
                using var response = await http.SendAsync(
                    TrackingHttp.Json("/v1/batch", Batch(sender, request, customer, orderId), WriteKey), cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                return; // The silo is gone: what was not answered is not acknowledged.
            }

            lock (sentOrders)
            {
                acknowledgedOrders.Add(orderId);
                acknowledged[customer] += EventsPerBatch;
                if (acknowledged.Sum() >= AcknowledgedBeforeKill)
                {
                    enough.TrySetResult();
                }
            }
        }
    }

    private static string Batch(int sender, int request, int customer, string orderId)
    {
        var views = Enumerable.Range(0, EventsPerBatch).Select(i =>
            $$$"""{"type":"track","messageId":"v-{{{sender}}}-{{{request}}}-{{{i}}}","userId":"{{{CustomerId(customer)}}}","event":"Product Viewed","properties":{"product_id":"p-{{{i}}}"}}""");
        var order =
            $$$"""{"type":"track","messageId":"{{{orderId}}}","userId":"buyer","event":"Order Completed","properties":{"order_id":"{{{orderId}}}","revenue":10,"currency":"USD"}}""";
        return $$"""{"batch":[{{string.Join(',', views)}},{{order}}]}""";
    }

    private static string CustomerId(int customer) => $"crash-{customer}";

    private static int ViewCount(JsonElement profile) =>
        profile.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("name").GetString() == "Product Viewed")
            .Select(e => e.GetProperty("count").GetInt32())
            .SingleOrDefault();

    private static async Task<int> CountOrdersAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        var buyer = await ManagementApiReader.GetProfileAsync(baseAddress, "buyer", cancellationToken);
        return buyer.GetProperty("purchases").GetProperty("orderCount").GetInt32();
    }

    private static Dictionary<string, string?> Environment() => TrackingTestSilo.ProcessEnvironment(WriteKey, "crash-tests");
}
