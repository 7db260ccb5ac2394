extern alias silo;

using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Segmentation.Benchmarks.Segments;
using Segmentation.Grains;
using Segmentation.Grains.Customers;
using Segmentation.Grains.Rfm;
using Segmentation.Grains.Segments;
using Segmentation.Runtime;
using silo::Segmentation.Silo.Dashboard.Accounts;
using silo::Segmentation.Silo.Hosting;
using Segmentation.Tracking;
using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;

namespace Segmentation.Benchmarks.Dashboard;

/// <summary>
/// The silo application as the silo process builds it (Production settings, SQLite with <c>Synchronous=Normal</c> to
/// seed faster, at most 300,000 activations so that most customers live in storage and load when asked for, Kestrel
/// on a loopback port) with the 100 segments of <see cref="BenchSegments"/> and a population of
/// customers seeded through <see cref="CustomerDirectory"/> as tracking calls: three in four placed one to three orders
/// spread over the last year (so the RFM grid has every row), the others viewed a product, and every even one
/// identified with an email. A client is signed in to the dashboard with a bench account.
/// </summary>
public sealed partial class DashboardPopulation : IAsyncDisposable
{
    private const string UserName = "bench";
    private const string Password = "bench-dashboard-password";
    private const int SeedRound = 50_000;

    private readonly WebApplication _app;
    private readonly string _directory;

    private DashboardPopulation(WebApplication app, string directory, HttpClient client, int customers)
    {
        _app = app;
        _directory = directory;
        Client = client;
        Customers = customers;
    }

    /// <summary>Signed in to the dashboard; does not follow redirects.</summary>
    public HttpClient Client { get; }

    public int Customers { get; }

    public IServiceProvider Services => _app.Services;

    public static string Email(int index) => $"shopper{index}@example.com";

    /// <summary>Starts the silo with <paramref name="customers"/> customers and <paramref name="sends"/> sends in the log (<see cref="SendLogPopulation"/>).</summary>
    public static async Task<DashboardPopulation> StartAsync(int customers, int sends = 0)
    {
        var directory = Directory.CreateTempSubdirectory("segmentation-bench-dashboard-").FullName;
        var app = SiloApplication.Build(
            [
                "--environment=Production",
                "--urls=http://127.0.0.1:0",
                $"--Segmentation:DataDirectory={directory}",
                "--Segmentation:Sqlite:Synchronous=Normal",
                "--Segmentation:Silo:MaxActivations=300000",
                "--Segmentation:ShutdownTimeout=00:10:00",
                $"--Segmentation:Dashboard:Accounts:0:UserName={UserName}",
                $"--Segmentation:Dashboard:Accounts:0:PasswordHash={DashboardPasswordHasher.Hash(Password)}",
                "--Segmentation:Dashboard:Accounts:0:Role=Editor",
            ],
            static builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        await app.Services.GetRequiredService<RuntimeSilo>().WhenReadyAsync();
        await CreateSegmentsAsync(app.Services.GetRequiredService<SegmentDirectory>());
        await SeedAsync(app.Services, customers);
        if (sends > 0)
        {
            await SendLogPopulation.SeedAsync(app.Services, sends, customers);
        }

        await app.Services.GetRequiredService<RfmRefresher>().RefreshAsync();
        var client = await SignInAsync(new Uri(app.Urls.Single()));
        return new DashboardPopulation(app, directory, client, customers);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    // The starters are seeded by the catalog; the other 84 of the bench set are created before any customer exists,
    // so customers evaluate all 100 as they are seeded.
    private static async Task CreateSegmentsAsync(SegmentDirectory segments)
    {
        var existing = (await segments.ListAsync()).Select(static s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var draft in BenchSegments.Drafts().Where(d => !existing.Contains(d.Id!)))
        {
            await segments.CreateAsync(draft);
        }
    }

    // Seeded a round at a time: a round waits until the customers of the one before it are applied (registered), so
    // that appends never run far ahead of the grains and the silo's queue stays bounded.
    private static async Task SeedAsync(IServiceProvider services, int customers)
    {
        var stopwatch = Stopwatch.StartNew();
        var directory = services.GetRequiredService<CustomerDirectory>();
        var client = services.GetRequiredService<IClusterClient>();
        var now = DateTimeOffset.UtcNow;
        for (var start = 0; start < customers; start += SeedRound)
        {
            var end = Math.Min(start + SeedRound, customers);
            await CustomerSeeding.AppendAsync(directory, start, end, i => EventsOf(i, now));
            await WaitUntilRegisteredAsync(client, start);
        }

        await WaitUntilRegisteredAsync(client, customers);
        Console.WriteLine($"seeded {customers:N0} customers through durable appends, all applied, in {stopwatch.Elapsed.TotalSeconds:N1} s");
    }

    private static async Task WaitUntilRegisteredAsync(IClusterClient client, int customers)
    {
        while (await CountRegisteredAsync(client) < customers)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<long> CountRegisteredAsync(IClusterClient client) =>
        (await Task.WhenAll(Shards.All.Select(shard =>
            client.GetGrain<CustomerRegistryGrain>(shard).InvokeReadOnlyAsync(static g => g.CountAsync()).AsTask()))).Sum(static c => (long)c);

    private static IEnumerable<TrackingMessage> EventsOf(int index, DateTimeOffset now)
    {
        var id = CustomerSeeding.CustomerId(index);
        if (index % 2 == 0)
        {
            yield return new TrackingMessage
            {
                Type = TrackingMessageType.Identify,
                MessageId = id + "-identify",
                UserId = id,
                Traits = new JsonObject { ["email"] = Email(index), ["first_name"] = "Shopper", ["country"] = "FR", ["email_consent"] = "subscribed" },
                Timestamp = now,
                ReceivedAt = now,
            };
        }

        if (index % 4 == 0)
        {
            yield return BenchSegments.Track(id, "Product Viewed", now, new JsonObject { ["product_id"] = $"p{index % 50}", ["price"] = 40 }, id + "-view");
        }

        var orders = index % 4 == 0 ? 0 : 1 + (index % 3);
        for (var order = 0; order < orders; order++)
        {
            var at = now.AddDays(-((index * 7919) + (order * 37)) % 365);
            yield return BenchSegments.Track(id, "Order Completed", at, new JsonObject
            {
                ["order_id"] = $"{id}-o{order}",
                ["revenue"] = 20 + (index * 37 % 281),
                ["currency"] = "USD",
            }, $"{id}-o{order}");
        }
    }

    private static async Task<HttpClient> SignInAsync(Uri baseAddress)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = baseAddress,
        };
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var form = await client.GetStringAsync("signin");
        using var response = await client.PostAsync("signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value),
            ["Input.UserName"] = UserName,
            ["Input.Password"] = Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in to the dashboard answered {(int)response.StatusCode}.");
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
