using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Grains.Customers;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Silo.Tests.Management;
using Segmentation.TestKit;
using Segmentation.Tracking;

namespace Segmentation.Silo.Tests.Triggers;

/// <summary>The silo in memory with a management key, a fake clock and a frequency cap of 3.</summary>
internal sealed class TriggersTestSilo : ApiTestSilo
{
    private TriggersTestSilo(SiloApplicationFactory factory, FakeTimeProvider clock)
        : base(factory, clock)
    {
    }

    public static Task<TriggersTestSilo> StartAsync(CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(Now);
        var factory = CreateFactory(clock).WithSetting("Segmentation:Triggers:Guardrails:FrequencyCap", "3");
        return ReadyAsync(new TriggersTestSilo(factory, clock), cancellationToken);
    }
}

/// <summary><c>/api/triggers</c> and the customer's pending triggers over HTTP, on the silo in memory with a fake clock.</summary>
public sealed class TriggerApiTests : IAsyncLifetime
{
    private TriggersTestSilo _silo = null!;

    public async Task InitializeAsync()
    {
        using var guard = HangGuard.Start();
        _silo = await TriggersTestSilo.StartAsync(guard.Token);
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task ListTriggers_TheSixWithTheirSettingsAndTheGuardrails()
    {
        using var guard = HangGuard.Start();

        var body = await _silo.ExpectAsync(HttpMethod.Get, "/api/triggers", HttpStatusCode.OK, guard.Token);

        var triggers = body.GetProperty("triggers").EnumerateArray().ToList();
        Assert.Equal(
            ["cart_abandonment", "browse_abandonment", "lapse", "birthday", "loyalty_milestone", "segment_entry"],
            triggers.Select(static t => t.GetProperty("name").GetString()));
        var cart = triggers[0].GetProperty("settings");
        Assert.Equal(("cart_abandonment", false, "01:00:00", "1.00:00:00"), (
            cart.GetProperty("trigger").GetString(), cart.GetProperty("enabled").GetBoolean(),
            cart.GetProperty("delay").GetString(), cart.GetProperty("secondStepDelay").GetString()));
        Assert.Equal("Activity", triggers[2].GetProperty("settings").GetProperty("basis").GetString());
        Assert.Equal([500m, 1000m], triggers[4].GetProperty("settings").GetProperty("spendThresholds").EnumerateArray().Select(static v => v.GetDecimal()));
        Assert.False(triggers[0].GetProperty("edited").GetBoolean());
        var guardrails = body.GetProperty("guardrails");
        Assert.Equal((3, "21:00:00", "08:00:00", "UTC"), (
            guardrails.GetProperty("frequencyCap").GetInt32(), guardrails.GetProperty("quietHoursStart").GetString(),
            guardrails.GetProperty("quietHoursEnd").GetString(), guardrails.GetProperty("defaultTimeZone").GetString()));
    }

    [Fact]
    public async Task ListTriggers_WithoutAKey_401()
    {
        using var guard = HangGuard.Start();

        using var response = await _silo.Client.GetAsync("/api/triggers", guard.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UpdateTrigger_GivenFields_ReplacedOthersKept_StoredWithTheKeyName()
    {
        using var guard = HangGuard.Start();

        var body = await _silo.ExpectAsync(HttpMethod.Put, "/api/triggers/cart_abandonment", HttpStatusCode.OK, guard.Token, """{"enabled":true,"delay":"00:30:00","templateId":"d-cart"}""");

        var settings = body.GetProperty("settings");
        Assert.Equal((true, "00:30:00", "d-cart", "1.00:00:00"), (
            settings.GetProperty("enabled").GetBoolean(), settings.GetProperty("delay").GetString(),
            settings.GetProperty("templateId").GetString(), settings.GetProperty("secondStepDelay").GetString()));
        Assert.Equal((true, ApiTestSilo.KeyName, ApiTestSilo.Now), (body.GetProperty("edited").GetBoolean(), body.GetProperty("changedBy").GetString(), body.GetProperty("changedAt").GetDateTimeOffset()));
        var changes = await _silo.ExpectAsync(HttpMethod.Get, "/api/triggers/cart_abandonment/changes", HttpStatusCode.OK, guard.Token);
        Assert.Equal(ApiTestSilo.KeyName, Assert.Single(changes.EnumerateArray()).GetProperty("changedBy").GetString());
        var read = await _silo.ExpectAsync(HttpMethod.Get, "/api/triggers/cart_abandonment", HttpStatusCode.OK, guard.Token);
        Assert.Equal("00:30:00", read.GetProperty("settings").GetProperty("delay").GetString());
    }

    [Theory]
    [InlineData("""{"delay":"00:00:00","secondStepDelay":"31.00:00:00"}""", "delay", "delay must be from 1 minute to 30 days; got 00:00:00.")]
    [InlineData("""{"delay":"00:00:00","secondStepDelay":"31.00:00:00"}""", "secondStepDelay", "secondStepDelay must be 0 (no second step) or longer than Delay and at most 30 days; got 31.00:00:00.")]
    [InlineData("""{"delay":"soon"}""", "delay", "'delay' has a value of the wrong type or form (durations as \"d.hh:mm:ss\", times of day as \"hh:mm\").")]
    [InlineData("""{"Delay":"00:10:00"}""", "Delay", "Unknown field 'Delay'; did you mean 'delay'? Field names are case-sensitive.")]
    [InlineData("""{"trigger":"lapse"}""", "trigger", "'trigger' must be \"cart_abandonment\" (the trigger in the path) when given.")]
    public async Task UpdateTrigger_Invalid_400WithTheFieldAndNothingSaved(string json, string field, string message)
    {
        using var guard = HangGuard.Start();

        var problem = await _silo.ExpectAsync(HttpMethod.Put, "/api/triggers/cart_abandonment", HttpStatusCode.BadRequest, guard.Token, json);

        Assert.Equal([message], problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(static m => m.GetString()));
        var read = await _silo.ExpectAsync(HttpMethod.Get, "/api/triggers/cart_abandonment", HttpStatusCode.OK, guard.Token);
        Assert.False(read.GetProperty("edited").GetBoolean());
    }

    [Fact]
    public async Task Trigger_UnknownName_404()
    {
        using var guard = HangGuard.Start();

        await _silo.ExpectAsync(HttpMethod.Put, "/api/triggers/sms_blast", HttpStatusCode.NotFound, guard.Token, """{"enabled":true}""");
        await _silo.ExpectAsync(HttpMethod.Get, "/api/triggers/sms_blast", HttpStatusCode.NotFound, guard.Token);
        await _silo.ExpectAsync(HttpMethod.Get, "/api/triggers/sms_blast/changes", HttpStatusCode.NotFound, guard.Token);
    }

    [Fact]
    public async Task GetCustomer_ListsThePendingTriggers()
    {
        using var guard = HangGuard.Start();
        await _silo.ExpectAsync(HttpMethod.Put, "/api/triggers/cart_abandonment", HttpStatusCode.OK, guard.Token, """{"enabled":true}""");
        var add = new TrackingMessage
        {
            Type = TrackingMessageType.Track,
            MessageId = "add-1",
            UserId = "u-1",
            Event = "Product Added",
            Timestamp = ApiTestSilo.Now,
            ReceivedAt = ApiTestSilo.Now,
            Properties = new JsonObject { ["product_id"] = "p-1", ["price"] = 10, ["quantity"] = 1 },
        };
        var identify = new TrackingMessage
        {
            Type = TrackingMessageType.Identify,
            MessageId = "identify-1",
            UserId = "u-1",
            Timestamp = ApiTestSilo.Now,
            ReceivedAt = ApiTestSilo.Now,
            Traits = new JsonObject { ["email"] = "u-1@example.com" },
        };
        await _silo.Factory.Services.GetRequiredService<CustomerDirectory>().AppendAsync([identify, add], guard.Token);
        await _silo.WhenIdleAsync(guard.Token);

        var customer = await _silo.ExpectAsync(HttpMethod.Get, "/api/customers/u-1", HttpStatusCode.OK, guard.Token);

        var pending = Assert.Single(customer.GetProperty("pendingTriggers").EnumerateArray());
        Assert.Equal(("cart_abandonment", ApiTestSilo.Now.AddHours(1), "2026-03-02T12:00:00.0000000Z", false), (
            pending.GetProperty("trigger").GetString(), pending.GetProperty("dueAt").GetDateTimeOffset(),
            pending.GetProperty("occurrenceKey").GetString(), pending.GetProperty("deferred").GetBoolean()));
    }

    [Fact]
    public async Task OpenApi_DescribesTheTriggerEndpoints()
    {
        using var guard = HangGuard.Start();

        var document = await _silo.ExpectAsync(HttpMethod.Get, "/openapi/v1.json", HttpStatusCode.OK, guard.Token);

        var paths = document.GetProperty("paths");
        Assert.Equal(["200", "401", "503"], Responses(paths, "/api/triggers", "get"));
        Assert.Equal(["200", "400", "401", "404", "415", "503"], Responses(paths, "/api/triggers/{name}", "put"));
        Assert.True(paths.TryGetProperty("/api/triggers/{name}/changes", out _));
    }

    private static IEnumerable<string> Responses(JsonElement paths, string path, string method) =>
        paths.GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject().Select(static r => r.Name).Order(StringComparer.Ordinal);
}
