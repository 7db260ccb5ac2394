namespace Segmentation.Runtime.Hosting;

public sealed partial class Silo
{
    /// <summary>Starts the checkpoints and the collection of idle activations (once ready).</summary>
    private void StartLoops()
    {
        var token = _stopping.Token;
        _loops.Add(Task.Run(() => EveryAsync("checkpoint", Runtime.Options.CheckpointInterval, CheckpointOnceAsync, token), token));
        _loops.Add(Task.Run(() => EveryAsync("collection", Runtime.Options.ActivationCollectionInterval, CollectOnceAsync, token), token));
    }

    /// <summary>Starts firing reminders (once caught up: their state is what the recovered records left).</summary>
    private void StartReminders()
    {
        var token = _stopping.Token;
        _loops.Add(Task.Run(() => Runtime.Reminders.RunAsync(token), token));
    }

    private Task CheckpointOnceAsync(CancellationToken cancellationToken) =>
        Runtime.Checkpoints.CheckpointAllAsync(Durability.SnapshotMode.Due, cancellationToken);

    private Task CollectOnceAsync(CancellationToken cancellationToken)
    {
        Runtime.Collector.CollectOnce();
        return Task.CompletedTask;
    }

    private async Task EveryAsync(string name, TimeSpan interval, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, Runtime.TimeProvider);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await action(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Runtime.Logger.LoopFailed(exception, name);
            }
        }
    }
}
