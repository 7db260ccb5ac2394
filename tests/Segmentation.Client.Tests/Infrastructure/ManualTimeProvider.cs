namespace Segmentation.Client.Tests.Infrastructure;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test calls <see cref="Advance"/>. Timers fire during
/// <see cref="Advance"/>, in due order, on the calling thread. Every time a timer is scheduled (created or changed)
/// is recorded, so a test can wait until the code under test has started a particular wait before moving time.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<ScheduledTimer> _history = [];
    private readonly List<(Func<ScheduledTimer, bool> Match, int Occurrence, TaskCompletionSource<ScheduledTimer> Done)> _waiters = [];
    private DateTimeOffset _now;

    public ManualTimeProvider(DateTimeOffset start) => _now = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        Schedule(timer, dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (due is null)
                {
                    _now = target;
                    return;
                }

                if (due.DueAt > _now)
                {
                    _now = due.DueAt!.Value;
                }

                due.DueAt = due.Period > TimeSpan.Zero ? due.DueAt + due.Period : null;
                if (due.DueAt is null)
                {
                    _timers.Remove(due);
                }
            }

            due.Fire();
        }
    }

    /// <summary>
    /// Completes when the <paramref name="occurrence"/>-th schedule matching <paramref name="match"/> has happened
    /// (counting those before the call), returning it.
    /// </summary>
    public Task<ScheduledTimer> WaitForTimerAsync(Func<ScheduledTimer, bool> match, int occurrence = 1)
    {
        lock (_gate)
        {
            var found = _history.Where(match).Skip(occurrence - 1).FirstOrDefault();
            if (found is not null)
            {
                return Task.FromResult(found);
            }

            var done = new TaskCompletionSource<ScheduledTimer>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, occurrence, done));
            return done.Task.WaitAsync(TestTimeouts.HangGuard);
        }
    }

    /// <summary>Every schedule so far.</summary>
    public IReadOnlyList<ScheduledTimer> History
    {
        get
        {
            lock (_gate)
            {
                return [.. _history];
            }
        }
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
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

    private void Cancel(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            timer.DueAt = null;
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
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
