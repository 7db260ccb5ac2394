using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Silo.Tracking;
using Segmentation.Tracking;

namespace Segmentation.Silo.Tests.Tracking;

/// <summary>
/// The tracking API of the built silo process (real Kestrel): a 200 is durable (it survives SIGKILL), oversize bodies
/// are a 400 whether or not they declare their length, production settings accept no key until one is configured,
/// and write keys never reach the logs.
/// </summary>
public sealed class TrackingProcessTests
{
    private const string WriteKey = "process-tests-write-key-0001";

    [Fact]
    public async Task PostBatch_AnsweredThenSiloKilled_EveryAcknowledgedEventSurvivesTheRestart()
    {
        using var guard = HangGuard.Start();
        using var temp = new TempDirectory();
        var dataDirectory = temp.Combine("data");
        await using (var silo = SiloProcess.Start(dataDirectory, WithWriteKey()))
        {
            await silo.WaitUntilReadyAsync(guard.Token);
            using var http = new HttpClient { BaseAddress = silo.BaseAddress };
            for (var request = 0; request < 10; request++)
            {
                using var response = await http.SendAsync(TrackingHttp.Json("/v1/batch", Batch(request), WriteKey), guard.Token);
                await TrackingHttp.AssertSuccessAsync(response, guard.Token);
            }

            // No graceful stop: nothing is flushed or checkpointed after the last 200.
            silo.KillHard();
            await silo.WaitForExitAsync(guard.Token);
        }

        await using var restarted = SiloProcess.Start(dataDirectory, WithWriteKey());
        await restarted.WaitUntilReadyAsync(guard.Token);
        for (var user = 0; user < 5; user++)
        {
            var profile = await ManagementApiReader.GetProfileAsync(restarted.BaseAddress, $"u-durable-{user}", guard.Token);
            var viewed = Assert.Single(profile.GetProperty("events").EnumerateArray());
            Assert.Equal("Product Viewed", viewed.GetProperty("name").GetString());
            Assert.Equal(20, viewed.GetProperty("count").GetInt32());
            Assert.Equal($"durable-{user}@example.com", profile.GetProperty("traits").GetProperty("email").GetString());
        }

        Assert.Equal(0, await restarted.StopGracefullyAsync(guard.Token));
    }

    [Fact]
    public async Task PostBatch_OversizeBodiesOverKestrel_Return400RequestTooLargeAndTheSiloKeepsServing()
    {
        using var guard = HangGuard.Start();
        using var temp = new TempDirectory();
        await using var silo = SiloProcess.Start(temp.Combine("data"), WithWriteKey());
        await silo.WaitUntilReadyAsync(guard.Token);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        var oversize = System.Text.Encoding.UTF8.GetBytes(
            "{\"batch\":[" + string.Join(',', Enumerable.Repeat(
                $$$"""{"type":"track","userId":"u-oversize","event":"Product Viewed","properties":{"pad":"{{{new string('x', 700)}}}"}}""", 800)) + "]}");
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/v1/batch") { Content = new StreamContent(new UnseekableStream(oversize)) };
        chunked.Headers.Authorization = TrackingHttp.Basic(WriteKey);

        using var withLength = await http.SendAsync(TrackingHttp.Bytes("/v1/batch", oversize, "application/json", WriteKey), guard.Token);
        using var withoutLength = await http.SendAsync(chunked, guard.Token);
        using var next = await http.SendAsync(
            TrackingHttp.Json("/v1/track", """{"userId":"u-small","event":"Product Viewed"}""", WriteKey), guard.Token);

        await TrackingHttp.AssertProblemAsync(withLength, System.Net.HttpStatusCode.BadRequest, TrackingErrorCodes.RequestTooLarge, guard.Token);
        await TrackingHttp.AssertProblemAsync(withoutLength, System.Net.HttpStatusCode.BadRequest, TrackingErrorCodes.RequestTooLarge, guard.Token);
        await TrackingHttp.AssertSuccessAsync(next, guard.Token);
        Assert.Equal(0, await silo.StopGracefullyAsync(guard.Token));
    }

    [Fact]
    public async Task Start_ProductionSettingsWithoutKeys_WarnsAndRefusesEveryTrackingRequestWith401()
    {
        using var guard = HangGuard.Start();
        using var temp = new TempDirectory();
        await using var silo = SiloProcess.Start(
            temp.Combine("data"), new Dictionary<string, string?> { ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false" });
        await silo.WaitUntilReadyAsync(guard.Token);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };

        using var response = await http.SendAsync(
            TrackingHttp.Json("/v1/track", """{"userId":"u-1","event":"Product Viewed"}""", "segmentation-development-write-key"), guard.Token);

        await TrackingHttp.AssertProblemAsync(response, System.Net.HttpStatusCode.Unauthorized, TrackingHttpErrorCodes.InvalidWriteKey, guard.Token);
        Assert.Contains("The tracking API has no active write key", silo.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, await silo.StopGracefullyAsync(guard.Token));
    }

    [Fact]
    public async Task Start_InvalidWriteKeySetting_RefusesToStartNamingTheSettingButNotTheKey()
    {
        using var guard = HangGuard.Start();
        using var temp = new TempDirectory();
        var environment = TrackingTestSilo.ProcessEnvironment("tiny-key-7", "too-short");

        await using var silo = SiloProcess.Start(temp.Combine("data"), environment);
        var exitCode = await silo.WaitForExitAsync(guard.Token);

        Assert.Equal(Segmentation.Silo.Hosting.SiloExitCodes.InvalidConfiguration, exitCode);
        Assert.Contains(
            "Segmentation:Tracking:WriteKeys:0:Key must be at least 16 characters long.", silo.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("tiny-key-7", silo.StandardOutput + silo.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithDebugLogging_NeitherWriteKeysNorPayloadsAppearInTheLogs()
    {
        using var guard = HangGuard.Start();
        using var temp = new TempDirectory();
        const string unknownKey = "process-tests-unknown-key-9999";
        var environment = WithWriteKey();
        environment["Logging__LogLevel__Default"] = "Debug";
        environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Debug";
        await using var silo = SiloProcess.Start(temp.Combine("data"), environment);
        await silo.WaitUntilReadyAsync(guard.Token);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        const string identify = """{"userId":"u-private","traits":{"email":"private.person@example.com","firstName":"Zebulon"}}""";
        var bodyKey = $$$"""{"writeKey":"{{{WriteKey}}}","userId":"u-private","event":"Product Viewed","properties":{"secret":"Quuxbarnacle"}}""";

        using var header = await http.SendAsync(TrackingHttp.Json("/v1/identify", identify, WriteKey), guard.Token);
        using var body = await http.SendAsync(TrackingHttp.Json("/v1/track", bodyKey), guard.Token);
        using var unknown = await http.SendAsync(TrackingHttp.Json("/v1/identify", identify, unknownKey), guard.Token);
        Assert.Equal(0, await silo.StopGracefullyAsync(guard.Token));

        await TrackingHttp.AssertSuccessAsync(header, guard.Token);
        await TrackingHttp.AssertSuccessAsync(body, guard.Token);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, unknown.StatusCode);
        var logs = silo.StandardOutput + silo.StandardError;
        Assert.Contains("calls durable", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { WriteKey, unknownKey, "private.person@example.com", "Zebulon", "Quuxbarnacle" })
        {
            Assert.False(logs.Contains(secret, StringComparison.OrdinalIgnoreCase), $"The logs contain '{secret}'.");
        }

        // The Authorization header in its encoded form must not appear either.
        Assert.DoesNotContain(TrackingHttp.Basic(WriteKey).Parameter!, logs, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> WithWriteKey() => TrackingTestSilo.ProcessEnvironment(WriteKey, "process-tests");

    // 10 requests x 5 users x (2 track calls per request) + an identify: 20 views and an email per user.
    private static string Batch(int request)
    {
        var items = new List<string>();
        for (var user = 0; user < 5; user++)
        {
            for (var call = 0; call < 2; call++)
            {
                items.Add($$$"""{"type":"track","userId":"u-durable-{{{user}}}","event":"Product Viewed","messageId":"m-{{{request}}}-{{{user}}}-{{{call}}}","properties":{"product_id":"p-{{{call}}}"}}""");
            }

            if (request == 0)
            {
                items.Add($$$"""{"type":"identify","userId":"u-durable-{{{user}}}","traits":{"email":"durable-{{{user}}}@example.com"}}""");
            }
        }

        return "{\"batch\":[" + string.Join(',', items) + "]}";
    }
}
