using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Segmentation.TestKit;

/// <summary>
/// A logger provider that keeps every formatted message (level, category, text and exception), for asserting what a
/// silo logs and what it never logs (personal data).
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Logged)> _waiters = [];

    public IReadOnlyCollection<string> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

    /// <summary>Completes once a message that <paramref name="match"/> accepts is logged (at once when one was).</summary>
    public Task WhenLoggedAsync(Func<string, bool> match)
    {
        lock (_waiters)
        {
            if (_messages.Any(match))
            {
                return Task.CompletedTask;
            }

            var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, logged));
            return logged.Task;
        }
    }

    private void Add(string message)
    {
        lock (_waiters)
        {
            _messages.Enqueue(message);
            foreach (var waiter in _waiters.Where(w => w.Match(message)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Logged.TrySetResult();
            }
        }
    }

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Add($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
