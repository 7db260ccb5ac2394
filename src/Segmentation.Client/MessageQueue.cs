namespace Segmentation.Client;

/// <summary>
/// The bounded queue of serialized messages between the calling threads and the delivery loop. It applies the
/// <see cref="QueueFullPolicy"/> and cuts batches within the count and byte limits. Thread-safe.
/// </summary>
internal sealed class MessageQueue
{
    private readonly object _gate = new();
    private readonly Queue<QueuedMessage> _items = new();
    private readonly int _capacity;
    private readonly QueueFullPolicy _policy;
    private readonly int _maxBatchCount;
    private readonly int _maxBatchBytes;
    private long _bytes;
    private long _lastSequence;
    private bool _closed;
    private bool _fullEpisode;

    public MessageQueue(int capacity, QueueFullPolicy policy, int maxBatchCount, int maxBatchBytes)
    {
        _capacity = capacity;
        _policy = policy;
        _maxBatchCount = maxBatchCount;
        _maxBatchBytes = maxBatchBytes;
    }

    /// <summary>Messages waiting now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>The sequence number of the last message enqueued (0 before the first).</summary>
    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _lastSequence;
            }
        }
    }

    /// <summary>Adds a message, applying the queue-full policy.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="json">The serialized message.</param>
    /// <param name="batchReady">Whether a full batch is now waiting.</param>
    /// <param name="firstDropOfEpisode">Whether this is the first drop since the queue was last below capacity.</param>
    public EnqueueOutcome TryEnqueue(string messageId, byte[] json, out bool batchReady, out bool firstDropOfEpisode)
    {
        lock (_gate)
        {
            batchReady = false;
            firstDropOfEpisode = false;
            if (_closed)
            {
                return EnqueueOutcome.Closed;
            }

            var outcome = EnqueueOutcome.Enqueued;
            if (_items.Count >= _capacity)
            {
                firstDropOfEpisode = !_fullEpisode;
                _fullEpisode = true;
                if (_policy == QueueFullPolicy.DropNewest)
                {
                    return EnqueueOutcome.Refused;
                }

                _bytes -= _items.Dequeue().Json.Length;
                outcome = EnqueueOutcome.EnqueuedEvictingOldest;
            }

            _items.Enqueue(new QueuedMessage(++_lastSequence, messageId, json));
            _bytes += json.Length;
            batchReady = _items.Count >= _maxBatchCount || BatchPayload.Size(_bytes, _items.Count) > _maxBatchBytes;
            return outcome;
        }
    }

    /// <summary>
    /// Takes the next batch from the head of the queue: a full batch (the count or byte limit reached) whenever
    /// one is waiting, or else a partial one if its first message has a sequence number of at most
    /// <paramref name="drainUpTo"/>. Returns <see langword="null"/> when there is nothing to take.
    /// </summary>
    public List<QueuedMessage>? TryTakeBatch(long drainUpTo)
    {
        lock (_gate)
        {
            if (_items.Count == 0)
            {
                return null;
            }

            var count = 0;
            long bytes = 0;
            var full = false;
            foreach (var message in _items)
            {
                if (count == _maxBatchCount
                    || (count > 0 && BatchPayload.Size(bytes + message.Json.Length, count + 1) > _maxBatchBytes))
                {
                    full = true;
                    break;
                }

                bytes += message.Json.Length;
                count++;
            }

            full |= count == _maxBatchCount;
            if (!full && _items.Peek().Sequence > drainUpTo)
            {
                return null;
            }

            var batch = new List<QueuedMessage>(count);
            for (var i = 0; i < count; i++)
            {
                batch.Add(_items.Dequeue());
            }

            _bytes -= bytes;
            _fullEpisode = false;
            return batch;
        }
    }

    /// <summary>Refuses further messages; returns the sequence number of the last one accepted.</summary>
    public long Close()
    {
        lock (_gate)
        {
            _closed = true;
            return _lastSequence;
        }
    }

    /// <summary>Removes and returns the number of everything still queued.</summary>
    public int Clear()
    {
        lock (_gate)
        {
            var count = _items.Count;
            _items.Clear();
            _bytes = 0;
            return count;
        }
    }
}
