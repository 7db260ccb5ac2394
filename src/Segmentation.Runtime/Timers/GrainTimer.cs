using Segmentation.Runtime.Catalog;
using Segmentation.Runtime.Hosting;
using Segmentation.Runtime.Scheduler;

namespace Segmentation.Runtime.Timers;

/// <summary>
/// A grain timer: each tick is a turn of its activation, the next tick is counted from the end of the previous
/// one (ticks never overlap), and it dies with the activation. Ticks do not keep an activation from collection.
/// </summary>
internal sealed class GrainTimer : IDisposable
{
    private readonly Activation _activation;
    private readonly Func<CancellationToken, ValueTask> _callback;
    private readonly TimeSpan _period;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _disposed = new();

    private GrainTimer(Activation activation, Func<CancellationToken, ValueTask> callback, TimeSpan period)
    {
        _activation = activation;
        _callback = callback;
        _period = period;
        _timer = activation.Runtime.TimeProvider.CreateTimer(
            static state => ((GrainTimer)state!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public static GrainTimer Start(Activation activation, Func<CancellationToken, ValueTask> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        var timer = new GrainTimer(activation, callback, period);
        activation.AddTimer(timer);
        timer._timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        return timer;
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        _timer.Dispose();
        _activation.RemoveTimer(this);
    }

    private void Tick()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        if (!_activation.TryEnqueue(new TimerTickWorkItem(RunTickAsync), touch: false))
        {
            Dispose();
        }
    }

    private async ValueTask RunTickAsync(Activation activation)
    {
        try
        {
            await _callback(_disposed.Token);
        }
        catch (Exception exception) when (!_disposed.IsCancellationRequested)
        {
            activation.Log.TimerFailed(exception, activation.GrainId);
        }

        if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan && !_disposed.IsCancellationRequested)
        {
            _timer.Change(_period, Timeout.InfiniteTimeSpan);
        }
        else
        {
            Dispose();
        }
    }
}
