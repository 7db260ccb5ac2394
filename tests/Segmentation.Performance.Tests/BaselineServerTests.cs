using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;
using Segmentation.LoadGenerator.Serialization;
using Segmentation.LoadGenerator.Shoppers;
using Segmentation.Performance.Baseline;
using Segmentation.TestKit;

namespace Segmentation.Performance.Tests;

/// <summary>The baseline against a real PostgreSQL: a shopper stream through its tracking endpoint, counts checked against an independent fold.</summary>
public sealed class BaselineServerTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string WriteKey = "baseline-tests-write-key";

    [Fact]
    public async Task SegmentCounts_AfterAShopperStream_MatchAnIndependentComputationAtEveryRefreshTime()
    {
        // Arrange: 3,000 events of 400 shoppers through the HTTP endpoint, one batch at a time, then three probes.
        await using var server = await StartAsync();
        using var http = Client(server);
        var bodies = ShopperBodies(batches: 30);
        foreach (var body in bodies)
        {
            await PostAsync(http, body, HttpStatusCode.OK);
        }

        foreach (var probe in new[] { "probe-1", "probe-2", "probe-3" })
        {
            await PostAsync(http, Encoding.UTF8.GetBytes($$"""{"batch":[{"type":"track","messageId":"{{probe}}","userId":"{{probe}}","event":"Latency Probe"}]}"""), HttpStatusCode.OK);
        }

        var expected = ExpectedCustomers.Fold(bodies);
        var after = DateTimeOffset.UtcNow;
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);

        // Act: refresh as of half an hour, two hours and eight days later.
        var halfHour = await RefreshAtAsync(dataSource, after.AddMinutes(30));
        var twoHours = await RefreshAtAsync(dataSource, after.AddHours(2));
        var eightDays = await RefreshAtAsync(dataSource, after.AddDays(8));

        // Assert
        Assert.True(expected.Buyers > 0 && expected.NonEmptyCarts > 0 && expected.HighValue > 0, "the stream should have orders, carts and big spenders");
        Assert.Equal(expected.Buyers, halfHour["recent-buyers"]);
        Assert.Equal(0, halfHour["abandoned-cart"]);
        Assert.Equal(expected.NonEmptyCarts, halfHour["cart-idle-1m"]);
        Assert.Equal(expected.HighValue, halfHour["high-value"]);
        Assert.Equal(3, halfHour[BaselineSegment.ProbeId]);
        Assert.Equal(expected.NonEmptyCarts, twoHours["abandoned-cart"]);
        Assert.Equal(expected.Buyers, twoHours["recent-buyers"]);
        Assert.Equal(0, eightDays["recent-buyers"]);
        Assert.Equal(expected.HighValue, eightDays["high-value"]);
    }

    [Fact]
    public async Task PostBatch_TheSameEventsTwice_StoresThemOnce()
    {
        await using var server = await StartAsync();
        using var http = Client(server);
        var body = ShopperBodies(batches: 1)[0];

        await PostAsync(http, body, HttpStatusCode.OK);
        await PostAsync(http, body, HttpStatusCode.OK);

        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        await using var events = dataSource.CreateCommand("select count(*), (select sum(events_count) from customers) from events");
        await using var reader = await events.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(100, reader.GetInt64(0));
        Assert.Equal(100, reader.GetDecimal(1));
    }

    [Fact]
    public async Task PostBatch_WrongWriteKey_Returns401AndStoresNothing()
    {
        await using var server = await StartAsync();
        using var http = Client(server, writeKey: "another-key");

        await PostAsync(http, ShopperBodies(batches: 1)[0], HttpStatusCode.Unauthorized);

        Assert.Equal(0, await CountEventsAsync(server.ConnectionString));
    }

    [Fact]
    public async Task PostBatch_MalformedJson_Returns400()
    {
        await using var server = await StartAsync();
        using var http = Client(server);

        await PostAsync(http, "{\"batch\":["u8.ToArray(), HttpStatusCode.BadRequest);

        Assert.Equal(0, await CountEventsAsync(server.ConnectionString));
    }

    private async Task<TestServer> StartAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var server = await BaselineServer.StartAsync(new BaselineServerOptions
        {
            ConnectionString = connectionString,
            WriteKey = WriteKey,
            RefreshInterval = TimeSpan.FromHours(1),
        });
        return new TestServer(server, connectionString);
    }

    private static HttpClient Client(TestServer server, string writeKey = WriteKey)
    {
        var http = new HttpClient { BaseAddress = server.Server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        return http;
    }

    private static async Task PostAsync(HttpClient http, byte[] body, HttpStatusCode expected)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("v1/batch", content);
        Assert.Equal(expected, response.StatusCode);
    }

    private static List<byte[]> ShopperBodies(int batches)
    {
        var source = new ShopperBatchSource(
            new ShopperModel(new ShopperModelOptions { Customers = 400, Products = 50, ConcurrentSessions = 40, Seed = 11 }), "baseline-test", 450 * 1024);
        var bodies = new List<byte[]>();
        for (var i = 0; i < batches; i++)
        {
            using var batch = source.NextBatch(100, DateTimeOffset.UtcNow);
            bodies.Add(batch.Body.ToArray());
        }

        return bodies;
    }

    private static async Task<IReadOnlyDictionary<string, long>> RefreshAtAsync(NpgsqlDataSource dataSource, DateTimeOffset now) =>
        (await new SegmentRefresher(dataSource, new FakeTimeProvider(now)).RefreshAsync()).Counts;

    private static async Task<long> CountEventsAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("select count(*) from events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed record TestServer(BaselineServer Server, string ConnectionString) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }
}
