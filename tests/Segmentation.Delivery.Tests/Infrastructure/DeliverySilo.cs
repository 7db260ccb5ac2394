using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Delivery.Dispatch;
using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;
using Segmentation.Runtime.Hosting;
using Segmentation.TestKit;

namespace Segmentation.Delivery.Tests.Infrastructure;

/// <summary>
/// A test silo with delivery, on a fake clock, its dispatcher started and posting to <see cref="EspReceiver"/>.
/// Settings default to 4 attempts, a 5 s backoff base (1 min at most), a 10 s request timeout and the test secret;
/// tests change them through <c>configure</c>. Waits are on the send log's change signal, never on elapsed time.
/// </summary>
internal sealed class DeliverySilo : IAsyncDisposable
{
    /// <summary>The webhook secret of the tests: whsec_ + base64 of 32 bytes.</summary>
    public const string Secret = "whsec_Y4lqNKFNv9okLA85QiCk86ICB8awP3fL0rpxoPWoMQs=";

    private DeliverySilo(TestSilo silo, TestSiloOptions options)
    {
        Silo = silo;
        Options = options;
    }

    public TestSilo Silo { get; private set; }

    public TestSiloOptions Options { get; }

    public FakeTimeProvider Clock => Options.Clock;

    public OutboxDirectory Outbox => Silo.Services.GetRequiredService<OutboxDirectory>();

    public OutboxSignal Signal => Silo.Services.GetRequiredService<OutboxSignal>();

    public DeliveryDispatcher Dispatcher => Silo.Services.GetRequiredService<DeliveryDispatcher>();

    public static TestSiloOptions CreateOptions(Uri? endpoint, Action<Dictionary<string, string?>>? configure = null, Action<SiloBuilder>? builder = null)
    {
        var options = new TestSiloOptions
        {
            Configure = silo =>
            {
                silo.AddDelivery();
                builder?.Invoke(silo);
            },
        };
        var settings = options.Settings;
        settings["Segmentation:Delivery:EndpointUrl"] = endpoint?.ToString();
        settings["Segmentation:Delivery:SigningSecret"] = Secret;
        settings["Segmentation:Delivery:MaxAttempts"] = "4";
        settings["Segmentation:Delivery:RetryDelay"] = "00:00:05";
        settings["Segmentation:Delivery:MaxRetryDelay"] = "00:01:00";
        settings["Segmentation:Delivery:RequestTimeout"] = "00:00:10";
        settings["Segmentation:Delivery:PollInterval"] = "00:00:01";
        configure?.Invoke(settings);
        return options;
    }

    /// <summary>Starts the silo on <paramref name="options"/> (sharing the receiver's clock) and its dispatcher.</summary>
    public static async Task<DeliverySilo> StartAsync(TestSiloOptions options)
    {
        var silo = new DeliverySilo(await TestSilo.StartAsync(options), options);
        await silo.Dispatcher.StartAsync(CancellationToken.None);
        return silo;
    }

    /// <summary>Appends intents durably and waits until they are applied.</summary>
    public async Task AppendAsync(params SendIntent[] intents)
    {
        await Outbox.AppendAsync(intents);
        await Silo.WhenIdleAsync();
    }

    /// <summary>Waits, on the send log's change signal, until the send exists and satisfies <paramref name="condition"/>.</summary>
    public async Task<SendRecord> WaitForAsync(string sendId, Func<SendRecord, bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = Signal.NextChangeAsync();
            if (await Outbox.GetAsync(sendId, cancellationToken) is { } send && condition(send))
            {
                return send;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits until the send's <paramref name="attempts"/>-th attempt is recorded.</summary>
    public Task<SendRecord> WaitForAttemptsAsync(string sendId, int attempts, CancellationToken cancellationToken) =>
        WaitForAsync(sendId, send => send.Attempts.Count >= attempts, cancellationToken);

    /// <summary>
    /// Waits until the send's attempt <paramref name="attempt"/> is recorded as retrying and the dispatcher has started
    /// the backoff wait that ends at the recorded retry time, then moves the clock to the end of that wait. Returns the
    /// recorded wait.
    /// </summary>
    public async Task<TimeSpan> AdvanceToRetryAsync(string sendId, int attempt, CancellationToken cancellationToken)
    {
        var send = await WaitForAttemptsAsync(sendId, attempt, cancellationToken);
        var recorded = send.Attempts[attempt - 1];
        var retryAt = recorded.RetryAt ?? throw new InvalidOperationException($"Attempt {attempt} of {sendId} is {recorded.Outcome}, not retrying.");
        var ends = await WaitForRetryTimerAsync(retryAt, cancellationToken);
        await Silo.AdvanceToAsync(ends > retryAt ? ends : retryAt);
        return retryAt - (recorded.StartedAt + recorded.Duration);
    }

    /// <summary>
    /// Waits until a one-shot timer ending at <paramref name="retryAt"/> was scheduled (a backoff wait), and returns when
    /// it ends: timers have millisecond resolution, so within a millisecond of the recorded instant.
    /// </summary>
    public async Task<DateTimeOffset> WaitForRetryTimerAsync(DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        try
        {
            var timer = await Clock.WaitForTimerAsync(t => t.IsOneShot && (retryAt - (t.ScheduledAt + t.DueTime)).Duration() < TimeSpan.FromMilliseconds(1))
                .WaitAsync(cancellationToken);
            return timer.ScheduledAt + timer.DueTime;
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            var scheduled = string.Join(", ", Clock.History.Where(static t => t.DueTime != TimeSpan.FromSeconds(30)).Select(static t => $"{t.ScheduledAt:HH:mm:ss.fffffff}+{t.DueTime}/{t.Period}"));
            throw new TimeoutException($"No backoff wait until {retryAt:HH:mm:ss.fffffff} was scheduled. Timers: {scheduled}", exception);
        }
    }

    /// <summary>Kills the silo (nothing flushed: its dispatcher dies with it) and starts a new silo and dispatcher on the same storage.</summary>
    public async Task RestartAsync()
    {
        Silo = await Silo.RestartAsync();
        await Dispatcher.StartAsync(CancellationToken.None);
    }

    public static string Seconds(double seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Dispatcher.StopAsync(CancellationToken.None);
        await Silo.DisposeAsync();
    }
}
