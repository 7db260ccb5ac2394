using System.Threading.Channels;
using Segmentation.Runtime.Hosting;

namespace Segmentation.Runtime.Durability;

/// <summary>
/// The group commit: appends from many callers are gathered into one storage write (one fsync), offsets are
/// assigned per partition in order, and each caller's task completes only once its records are durable.
/// Durable records are then handed to their activations in log order.
/// </summary>
internal sealed class GroupCommitWriter(SiloRuntime runtime)
{
    private readonly Channel<AppendRequest> _requests =
        Channel.CreateUnbounded<AppendRequest>(new UnboundedChannelOptions { SingleReader = true });

    private Task? _loop;
    private long _pendingRecords;

    /// <summary>Records accepted but not yet written and handed to their activations.</summary>
    public long PendingRecords => Interlocked.Read(ref _pendingRecords);

    public void Start() => _loop = Task.Run(RunAsync);

    public Task AppendAsync(IReadOnlyList<DurableMessage> messages, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0)
        {
            return Task.CompletedTask;
        }

        var request = new AppendRequest(messages, cancellationToken);
        Interlocked.Add(ref _pendingRecords, messages.Count);
        if (!_requests.Writer.TryWrite(request))
        {
            Interlocked.Add(ref _pendingRecords, -messages.Count);
            throw new InvalidOperationException("The silo is stopping: no more appends are accepted.");
        }

        return request.Completion.Task;
    }

    /// <summary>Stops accepting appends and waits until those already accepted are written.</summary>
    public async Task StopAsync()
    {
        _requests.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<AppendRequest>();
        var records = new List<LogRecord>(runtime.Options.MaxAppendBatch);
        while (await _requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            records.Clear();
            while (records.Count < runtime.Options.MaxAppendBatch && _requests.Reader.TryRead(out var request))
            {
                if (request.CancellationToken.IsCancellationRequested)
                {
                    Interlocked.Add(ref _pendingRecords, -request.Messages.Count);
                    request.Completion.TrySetCanceled(request.CancellationToken);
                    continue;
                }

                batch.Add(request);
                AssignOffsets(request.Messages, records);
            }

            if (records.Count > 0)
            {
                await CommitAsync(batch, records).ConfigureAwait(false);
            }
        }
    }

    private void AssignOffsets(IReadOnlyList<DurableMessage> messages, List<LogRecord> records)
    {
        foreach (var message in messages)
        {
            var partition = runtime.Partitions[runtime.PartitionMap.GetPartition(message.Target)];
            records.Add(new LogRecord(
                partition.Partition, partition.NextOffset++, message.Target, message.Kind, message.Payload, message.Time)
            {
                Body = message.Body,
            });
        }
    }

    private async Task CommitAsync(List<AppendRequest> batch, List<LogRecord> records)
    {
        try
        {
            await runtime.Storage.AppendAsync(records).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            runtime.Logger.AppendFailed(exception, records.Count);
            RollBackOffsets(records);
            Interlocked.Add(ref _pendingRecords, -records.Count);
            foreach (var request in batch)
            {
                request.Completion.TrySetException(exception);
            }

            return;
        }

        foreach (var record in records)
        {
            var partition = runtime.Partitions[record.Partition];
            partition.Dispatched(record.Offset);
            runtime.Catalog.Dispatch(record.Target, new ApplyRecordWorkItem(record, partition));
        }

        Interlocked.Add(ref _pendingRecords, -records.Count);

        foreach (var request in batch)
        {
            request.Completion.TrySetResult();
        }
    }

    private void RollBackOffsets(List<LogRecord> records)
    {
        foreach (var record in records)
        {
            var partition = runtime.Partitions[record.Partition];
            partition.NextOffset = Math.Min(partition.NextOffset, record.Offset);
        }
    }

    private sealed record AppendRequest(IReadOnlyList<DurableMessage> Messages, CancellationToken CancellationToken)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
