using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Segmentation.Runtime.Hosting;
using Segmentation.Runtime.Storage;
using Segmentation.Silo.Hosting;
using Segmentation.Silo.Tests.Infrastructure;

namespace Segmentation.Silo.Tests;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task GetLive_WhileRunning_Returns200()
    {
        using var guard = HangGuard.Start();
        await using var factory = new SiloApplicationFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health/live", guard.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await ReadJsonAsync(response, guard.Token)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetReady_AfterSiloIsReady_Returns200()
    {
        using var guard = HangGuard.Start();
        await using var factory = new SiloApplicationFactory();
        using var client = factory.CreateClient();
        await factory.Silo.WhenReadyAsync().WaitAsync(guard.Token);

        using var response = await client.GetAsync("/health/ready", guard.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response, guard.Token);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(nameof(SiloStatus.Ready), body.GetProperty("checks").GetProperty("silo").GetString());
    }

    [Fact]
    public async Task GetReady_WhileRecovering_Returns503WithStatusThen200OnceRecovered()
    {
        using var guard = HangGuard.Start();
        var storage = new GatedRecoveryStorage();
        await using var factory = new SiloApplicationFactory()
            .WithServices(services => services.AddSingleton<ISiloStorage>(storage));
        using var client = factory.CreateClient();

        using var recovering = await client.GetAsync("/health/ready", guard.Token);
        using var live = await client.GetAsync("/health/live", guard.Token);
        storage.Release();
        await factory.Silo.WhenReadyAsync().WaitAsync(guard.Token);
        using var ready = await client.GetAsync("/health/ready", guard.Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, recovering.StatusCode);
        Assert.Equal("application/json", recovering.Content.Headers.ContentType?.MediaType);
        var body = await ReadJsonAsync(recovering, guard.Token);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal(nameof(SiloStatus.Recovering), body.GetProperty("checks").GetProperty("silo").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Recovery_WhenItFails_StopsTheHostWithRecoveryFailedExitCode()
    {
        using var guard = HangGuard.Start();
        var failure = new IOException("simulated read failure");
        var (factory, storage) = StartRecovering();
        var silo = factory.Silo;
        var runState = factory.Services.GetRequiredService<SiloRunState>();

        await FailRecoveryAsync(factory, storage, failure, guard.Token);
        var readiness = await Record.ExceptionAsync(silo.WhenReadyAsync);
        // Stopping a silo whose recovery failed may rethrow that failure (the process turns it into its exit code).
        var disposal = await Record.ExceptionAsync(() => factory.DisposeAsync().AsTask());

        Assert.Same(failure, readiness);
        Assert.Equal(SiloExitCodes.RecoveryFailed, runState.Failure?.ExitCode);
        Assert.Contains("recovery failed: simulated read failure", runState.Failure?.ToLine(), StringComparison.Ordinal);
        Assert.True(disposal is null || ReferenceEquals(disposal, failure), $"Unexpected failure while stopping: {disposal}");
    }

    [Fact]
    public async Task Recovery_WhenItFails_NoOtherBackgroundServiceFails()
    {
        using var guard = HangGuard.Start();
        var (factory, storage) = StartRecovering();
        var services = factory.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();

        await FailRecoveryAsync(factory, storage, new IOException("simulated read failure"), guard.Token);
        await Record.ExceptionAsync(() => factory.DisposeAsync().AsTask());

        // Only the readiness monitor reports the failure and stops the host; a service that failed too would race it.
        Assert.NotEmpty(services);
        Assert.All(services, service => Assert.False(
            service.ExecuteTask?.IsFaulted ?? false, $"{service.GetType().Name} failed: {service.ExecuteTask?.Exception}"));
    }

    [Fact]
    public async Task Stop_WhileRecovering_IsNotARecoveryFailure()
    {
        using var guard = HangGuard.Start();
        var (factory, _) = StartRecovering();
        using var client = factory.CreateClient();
        using var recovering = await client.GetAsync("/health/ready", guard.Token);
        var runState = factory.Services.GetRequiredService<SiloRunState>();

        await factory.DisposeAsync().AsTask().WaitAsync(guard.Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, recovering.StatusCode);
        Assert.Null(runState.Failure);
    }

    /// <summary>Starts a silo whose recovery waits on its storage until the test releases or fails it.</summary>
    private static (SiloApplicationFactory Factory, GatedRecoveryStorage Storage) StartRecovering()
    {
        var storage = new GatedRecoveryStorage();
        var factory = new SiloApplicationFactory()
            .WithServices(services => services.AddSingleton<ISiloStorage>(storage));
        factory.CreateClient().Dispose();
        return (factory, storage);
    }

    /// <summary>Fails the recovery with <paramref name="failure"/>; returns once the host is stopping (its services are disposed soon after).</summary>
    private static async Task FailRecoveryAsync(
        SiloApplicationFactory factory, GatedRecoveryStorage storage, Exception failure, CancellationToken cancellationToken)
    {
        var lifetime = factory.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        storage.Fail(failure);
        await stopping.Task.WaitAsync(cancellationToken);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return document.RootElement.Clone();
    }
}
