using Segmentation.Runtime;
using Segmentation.Runtime.Storage;

namespace Segmentation.Storage.InMemory;

/// <summary>
/// An <see cref="ISiloStorage"/> that keeps everything in memory, for tests. It is thread-safe and honours the
/// same contract as the SQLite provider: etag conflicts, offset continuity, atomic checkpoints, reminder order,
/// UTC times at tick precision, and copies of every byte array in and out (callers never share buffers with it).
/// The instance plays the part of a data directory: after <see cref="DisposeAsync"/> it refuses every call until
/// opened again, and then holds everything it held before (so a test can crash a silo and start another on it).
/// Nothing survives the instance.
/// </summary>
public sealed partial class InMemorySiloStorage : ISiloStorage
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(GrainId GrainId, string StateName), StoredGrainState> _states = [];
    private readonly Dictionary<GrainId, GrainSnapshot> _snapshots = [];
    private readonly Dictionary<GrainId, SortedDictionary<string, ReminderEntry>> _reminders = [];
    private SortedSet<ReminderEntry>[] _dueByPartition = [];
    private PartitionLog[] _partitions = [];
    private long[] _lastOffsets = [];
    private bool _open;
    private bool _disposed;

    /// <inheritdoc />
    public Task OpenAsync(int partitionCount, CancellationToken cancellationToken = default)
    {
        StorageArguments.CheckPartitionCount(partitionCount);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_open)
            {
                throw new InvalidOperationException("The storage is already open.");
            }

            if (_partitions.Length == 0)
            {
                _partitions = new PartitionLog[partitionCount];
                for (var i = 0; i < partitionCount; i++)
                {
                    _partitions[i] = new PartitionLog();
                }

                _lastOffsets = new long[partitionCount];
                _dueByPartition = [.. Enumerable.Range(0, partitionCount).Select(static _ => new SortedSet<ReminderEntry>(DueComparer))];
            }
            else if (_partitions.Length != partitionCount)
            {
                throw new StorageOpenException(
                    $"The in-memory store was created with {_partitions.Length} partitions; it cannot be opened with {partitionCount}.");
            }

            _disposed = false;
            _open = true;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
            _open = false;
        }

        return ValueTask.CompletedTask;
    }

    // Callers hold _gate.
    private void ThrowIfNotOpen()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_open)
        {
            throw new InvalidOperationException("The storage is not open: call OpenAsync first.");
        }
    }

    private static DateTimeOffset ToUtc(DateTimeOffset time) => new(time.UtcTicks, TimeSpan.Zero);

    private static byte[] Copy(byte[] data) => (byte[])data.Clone();

    private sealed class PartitionLog
    {
        public List<LogRecord> Records { get; } = [];

        public long CheckpointOffset { get; set; }
    }
}
