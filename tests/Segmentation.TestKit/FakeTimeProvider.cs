namespace Segmentation.TestKit;

/// <summary>
/// A clock that moves only when told. Timers (and so Task.Delay, PeriodicTimer and WaitAsync on this provider)
/// fire inside <see cref="SetUtcNow"/> and <see cref="Advance"/>, in due order, on the calling thread, each with the
/// clock set to its due time. Every time a timer is scheduled is recorded, so a test can wait until the code under
/// test has started a particular wait before it moves time.
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    /// <summary>How long <see cref="WaitForTimerAsync"/> waits in real time before failing: a guard against hangs only.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly List<ScheduledTimer> _history = [];
    private readonly List<(Func<ScheduledTimer, bool> Match, int Occurrence, TaskCompletionSource<ScheduledTimer> Done)> _waiters = [];
    private DateTimeOffset _now = start;

    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Every schedule so far.</summary>
    public IReadOnlyList<ScheduledTimer> History
    {
        get
        {
            lock (_lock)
            {
                return [.. _history];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + by);
    }

    /// <summary>Moves the clock forward to <paramref name="target"/>, firing due timers on the way.</summary>
    public void SetUtcNow(DateTimeOffset target)
    {
        while (true)
        {
            FakeTimer? next;
            lock (_lock)
            {
                if (target < _now)
                {
                    throw new ArgumentOutOfRangeException(nameof(target), "The fake clock never goes back.");
                }

                next = _timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (next is null)
                {
                    _now = target;
                    return;
                }

                if (next.DueAt > _now)
                {
                    _now = next.DueAt!.Value;
                }

                next.DueAt = next.Period > TimeSpan.Zero && next.Period != Timeout.InfiniteTimeSpan ? next.DueAt + next.Period : null;
                if (next.DueAt is null)
                {
                    _timers.Remove(next);
                }
            }

            next.Fire();
        }
    }

    /// <summary>
    /// Completes when the <paramref name="occurrence"/>-th schedule matching <paramref name="match"/> has happened
    /// (counting those before the call), returning it.
    /// </summary>
    public Task<ScheduledTimer> WaitForTimerAsync(Func<ScheduledTimer, bool> match, int occurrence = 1)
    {
        lock (_lock)
        {
            var found = _history.Where(match).Skip(occurrence - 1).FirstOrDefault();
            if (found is not null)
            {
                return Task.FromResult(found);
            }

            var done = new TaskCompletionSource<ScheduledTimer>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, occurrence, done));
            return done.Task.WaitAsync(HangGuard);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        Schedule(timer, dueTime, period);
        return timer;
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            timer.Period = period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                timer.DueAt = null;
                return;
            }

            timer.DueAt = _now + dueTime;
            _timers.Add(timer);
            var scheduled = new ScheduledTimer(dueTime, period, _now);
            _history.Add(scheduled);
            foreach (var waiter in _waiters.ToList())
            {
                if (waiter.Match(scheduled) && _history.Count(waiter.Match) >= waiter.Occurrence)
                {
                    _waiters.Remove(waiter);
                    waiter.Done.TrySetResult(scheduled);
                }
            }
        }
    }

    private void Cancel(FakeTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            timer.DueAt = null;
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Dispose() => owner.Cancel(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
