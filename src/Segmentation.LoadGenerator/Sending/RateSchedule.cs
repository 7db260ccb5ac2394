namespace Segmentation.LoadGenerator.Sending;

/// <summary>
/// The open-loop offered load: events become due at <see cref="EventsPerSecond"/>, reached by a linear ramp from zero
/// over <see cref="Ramp"/>, for <see cref="Duration"/>. The n-th event is due when the integral of the rate reaches
/// n, so the schedule depends only on time, never on how fast the target answers.
/// </summary>
public sealed class RateSchedule
{
    /// <summary>A schedule; the rate must be positive, the ramp not negative and the duration positive.</summary>
    public RateSchedule(double eventsPerSecond, TimeSpan ramp, TimeSpan duration)
    {
        if (!double.IsFinite(eventsPerSecond) || eventsPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(eventsPerSecond), eventsPerSecond, "The rate must be a positive number.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ramp, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        EventsPerSecond = eventsPerSecond;
        Ramp = ramp;
        Duration = duration;
        TotalEvents = (long)Math.Floor(EventsDueBy(duration) + 1e-9);
    }

    /// <summary>The target rate once the ramp is over.</summary>
    public double EventsPerSecond { get; }

    /// <summary>How long the rate takes to climb linearly from zero to <see cref="EventsPerSecond"/>.</summary>
    public TimeSpan Ramp { get; }

    /// <summary>How long events keep becoming due.</summary>
    public TimeSpan Duration { get; }

    /// <summary>How many events become due within <see cref="Duration"/>.</summary>
    public long TotalEvents { get; }

    /// <summary>The target rate at <paramref name="elapsed"/> after the start.</summary>
    public double RateAt(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero || elapsed >= Duration)
        {
            return 0;
        }

        return elapsed < Ramp ? EventsPerSecond * (elapsed / Ramp) : EventsPerSecond;
    }

    /// <summary>How many events are due (as a real number) by <paramref name="elapsed"/>.</summary>
    public double EventsDueBy(TimeSpan elapsed)
    {
        var t = Math.Max(0, elapsed.TotalSeconds);
        var ramp = Ramp.TotalSeconds;
        return t < ramp
            ? EventsPerSecond * t * t / (2 * ramp)
            : (EventsPerSecond * ramp / 2) + (EventsPerSecond * (t - ramp));
    }

    /// <summary>When, after the start, the <paramref name="eventCount"/>-th event is due (rounded to the nearest tick).</summary>
    public TimeSpan DueOffset(long eventCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eventCount);
        var ramp = Ramp.TotalSeconds;
        var rampEvents = EventsPerSecond * ramp / 2;
        var seconds = eventCount <= rampEvents
            ? Math.Sqrt(2 * ramp * eventCount / EventsPerSecond)
            : (ramp / 2) + (eventCount / EventsPerSecond);
        return TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }
}
