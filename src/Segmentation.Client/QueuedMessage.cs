namespace Segmentation.Client;

/// <summary>A serialized message waiting in the queue; <paramref name="Sequence"/> orders messages by arrival.</summary>
internal sealed record QueuedMessage(long Sequence, string MessageId, byte[] Json);
