using Microsoft.Extensions.Logging;

namespace Segmentation.Client.Tests.Infrastructure;

/// <summary>An <see cref="ILogger{T}"/> that keeps every entry: the formatted message, its values and its exception.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly object _gate = new();
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : string.Empty;
        lock (_gate)
        {
            _entries.Add($"{logLevel} {eventId.Id}: {formatter(state, exception)} [{values}] {exception}");
        }
    }
}
