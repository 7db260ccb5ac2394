namespace Segmentation.Delivery.Outbox;

/// <summary>
/// The kinds of log record an <see cref="OutboxGrain"/> takes (payloads are JSON, see <see cref="OutboxMessages"/>).
/// <c>Segmentation.Grains.RecordKinds</c> lists them too, beside the other grains' kinds.
/// </summary>
public static class OutboxRecordKinds
{
    /// <summary>A send to make (payload: <see cref="Sends.SendIntent"/>).</summary>
    public const string SendIntent = "send-intent";

    /// <summary>A send decided against, with its reason (payload: <see cref="Sends.SendSkip"/>).</summary>
    public const string SendSkipped = "send-skipped";

    /// <summary>The dispatcher made an attempt (payload: the send id and its <see cref="Sends.SendAttempt"/>).</summary>
    public const string SendAttempted = "send-attempted";

    /// <summary>A guard delayed a pending send (payload: the send id and its <see cref="Sends.SendDeferral"/>).</summary>
    public const string SendDeferred = "send-deferred";

    /// <summary>A manual retry of a failed or dead-lettered send (payload: the send id and its <see cref="Sends.SendRetryRequest"/>).</summary>
    public const string SendRetryRequested = "send-retry-requested";
}
