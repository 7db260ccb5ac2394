namespace Segmentation.Client.Tests.Infrastructure;

/// <summary>
/// A <see cref="TestReceiver"/>, a <see cref="FakeTimeProvider"/> and a <see cref="TrackingClient"/> wired
/// together. Test defaults keep the timers apart: flush interval 1 min, backoff at most 2 s, request timeout
/// 10 min, shutdown timeout 30 s, so a test can tell which wait the client has started.
/// </summary>
public sealed class ClientHarness : IAsyncDisposable
{
    public const string WriteKey = "wk_test_123";

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    private readonly object _gate = new();
    private readonly List<TrackingErrorEventArgs> _errors = [];

    private ClientHarness(TestReceiver receiver, FakeTimeProvider time, TrackingClientOptions options)
    {
        Receiver = receiver;
        Time = time;
        Options = options;
        Client = new TrackingClient(options, Logger);
        Client.Error += (_, error) =>
        {
            lock (_gate)
            {
                _errors.Add(error);
            }
        };
    }

    public TestReceiver Receiver { get; }

    public FakeTimeProvider Time { get; }

    public TrackingClientOptions Options { get; }

    public ListLogger<TrackingClient> Logger { get; } = new();

    public TrackingClient Client { get; }

    public IReadOnlyList<TrackingErrorEventArgs> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    public TrackingClientStatistics Statistics => Client.GetStatistics();

    public static async Task<ClientHarness> StartAsync(Action<TrackingClientOptions>? configure = null)
    {
        var receiver = await TestReceiver.StartAsync();
        var time = new FakeTimeProvider(Start);
        var options = DefaultOptions(receiver.BaseAddress, time);
        configure?.Invoke(options);
        return new ClientHarness(receiver, time, options);
    }

    public static TrackingClientOptions DefaultOptions(Uri endpoint, TimeProvider time) => new()
    {
        Endpoint = endpoint,
        WriteKey = WriteKey,
        TimeProvider = time,
        FlushInterval = TimeSpan.FromMinutes(1),
        MaxRetries = 3,
        InitialBackoff = TimeSpan.FromSeconds(1),
        MaxBackoff = MaxBackoff,
        RequestTimeout = TimeSpan.FromMinutes(10),
        ShutdownTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Completes when the client has started its <paramref name="occurrence"/>-th backoff delay.</summary>
    public Task<ScheduledTimer> WaitForBackoffAsync(int occurrence = 1) =>
        Time.WaitForTimerAsync(t => t.IsOneShot && t.DueTime <= MaxBackoff, occurrence);

    /// <summary>Tracks <paramref name="count"/> events named <c>Event 1</c>, <c>Event 2</c>, ...</summary>
    public void TrackMany(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            Assert.True(Client.Track(TrackingIdentity.ForUser("user-1"), $"Event {i}"));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().Guarded();
        await Receiver.DisposeAsync();
    }
}
