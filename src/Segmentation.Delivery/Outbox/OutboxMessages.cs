using Segmentation.Delivery.Sends;
using Segmentation.Runtime;

namespace Segmentation.Delivery.Outbox;

/// <summary>
/// The durable messages that feed the outbox, each addressed to the customer's outbox shard. Grains append them with
/// <c>AppendDurable</c> inside a log-fed turn (a replay appends them again; the outbox ignores the repeat); hosts use
/// <see cref="OutboxDirectory"/>.
/// </summary>
public static class OutboxMessages
{
    /// <summary>A send to make.</summary>
    /// <exception cref="ArgumentException">The intent is invalid (see <see cref="SendIntent.Validate"/>).</exception>
    public static DurableMessage Intent(SendIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (intent.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(intent));
        }

        // The outbox shard in this process takes the intent as it is (the Body); a replay reads it from the record.
        return new DurableMessage(Target(intent.CustomerId), OutboxRecordKinds.SendIntent, OutboxJson.Write(intent, OutboxJson.Default.SendIntent), intent.CreatedAt)
        {
            Body = intent,
        };
    }

    /// <summary>A send decided against, with its reason.</summary>
    /// <exception cref="ArgumentException">The skip is invalid (see <see cref="SendSkip.Validate"/>).</exception>
    public static DurableMessage Skip(SendSkip skip)
    {
        ArgumentNullException.ThrowIfNull(skip);
        if (skip.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(skip));
        }

        return new DurableMessage(Target(skip.CustomerId), OutboxRecordKinds.SendSkipped, OutboxJson.Write(skip, OutboxJson.Default.SendSkip), skip.SkippedAt);
    }

    internal static DurableMessage Attempt(string customerId, string sendId, SendAttempt attempt) => new(
        Target(customerId),
        OutboxRecordKinds.SendAttempted,
        OutboxJson.Write(new AttemptRecord(sendId, customerId, attempt), OutboxJson.Default.AttemptRecord),
        attempt.StartedAt + attempt.Duration);

    internal static DurableMessage Deferral(string customerId, string sendId, SendDeferral deferral) => new(
        Target(customerId),
        OutboxRecordKinds.SendDeferred,
        OutboxJson.Write(new DeferralRecord(sendId, customerId, deferral), OutboxJson.Default.DeferralRecord),
        deferral.DeferredAt);

    internal static DurableMessage Retry(string customerId, string sendId, SendRetryRequest request) => new(
        Target(customerId),
        OutboxRecordKinds.SendRetryRequested,
        OutboxJson.Write(new RetryRecord(sendId, customerId, request), OutboxJson.Default.RetryRecord),
        request.RequestedAt);

    private static GrainId Target(string customerId) => OutboxGrain.IdOf(OutboxGrain.ShardOf(customerId));
}
