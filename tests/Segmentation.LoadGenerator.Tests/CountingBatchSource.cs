using System.Buffers;
using Segmentation.LoadGenerator.Sending;

namespace Segmentation.LoadGenerator.Tests;

/// <summary>A batch source making placeholder bodies, numbering events like the real one.</summary>
internal sealed class CountingBatchSource : IBatchSource
{
    public long Events { get; private set; }

    public List<DateTimeOffset> SentAts { get; } = [];

    public EventBatch NextBatch(int maxEvents, DateTimeOffset sentAt)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(2);
        "{}"u8.CopyTo(buffer);
        var batch = new EventBatch(buffer, 2, maxEvents, Events, sentAt);
        Events += maxEvents;
        SentAts.Add(sentAt);
        return batch;
    }
}
