namespace Segmentation.LoadGenerator.Sending;

/// <summary>
/// Holds every send back until the latest Retry-After the target asked for has passed. Waits go through the
/// run's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class PauseGate(TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>The end of the current pause, or <see cref="DateTimeOffset.MinValue"/> when none was asked for.</summary>
    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_lock)
            {
                return _pausedUntil;
            }
        }
    }

    /// <summary>Pauses sending for <paramref name="delay"/> from now, unless a longer pause is already in force.</summary>
    public void PauseFor(TimeSpan delay)
    {
        var until = timeProvider.GetUtcNow() + delay;
        lock (_lock)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    /// <summary>Completes when no pause is in force (at once when none is).</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var remaining = PausedUntil - timeProvider.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            await ClockDelay.WaitAsync(timeProvider, remaining, cancellationToken).ConfigureAwait(false);
        }
    }
}
