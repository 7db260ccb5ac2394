namespace Segmentation.Grains;

/// <summary>
/// A value that a catalog grain publishes whole (on activation and after every change) and many grains read: readers
/// take <see cref="Current"/> once per use, so nobody sees half of a change; an older revision never replaces a newer
/// one. Until the first value arrives, <see cref="EnsureLoadedAsync"/> asks the catalog once (again after a failure).
/// </summary>
public abstract class PublishedCache<T>
    where T : class
{
    private readonly Lock _lock = new();
    private volatile T? _current;
    private Task? _loading;

    /// <summary>The latest value; null until the catalog published one.</summary>
    public T? Current => _current;

    /// <summary>Takes <paramref name="value"/> unless a newer revision is already here.</summary>
    public void Publish(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            if (_current is null || RevisionOf(value) >= RevisionOf(_current))
            {
                _current = value;
            }
        }
    }

    /// <summary>Completes once a value is here, loading it from the catalog the first time.</summary>
    public ValueTask EnsureLoadedAsync(CancellationToken cancellationToken = default) =>
        _current is not null ? ValueTask.CompletedTask : new ValueTask(LoadOnceAsync().WaitAsync(cancellationToken));

    protected abstract long RevisionOf(T value);

    /// <summary>Asks the catalog for its current value.</summary>
    protected abstract Task<T> LoadAsync();

    private Task LoadOnceAsync()
    {
        lock (_lock)
        {
            return _loading is { IsFaulted: false, IsCanceled: false } ? _loading : _loading = LoadAndPublishAsync();
        }
    }

    private async Task LoadAndPublishAsync() => Publish(await LoadAsync().ConfigureAwait(false));
}
