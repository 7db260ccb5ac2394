using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Dispatch;

/// <summary>A guard's answer: allow, skip with a reason, or delay until an instant with a reason.</summary>
public sealed record SendGuardDecision
{
    private SendGuardDecision(SendGuardAction action, SendSkipReason? skipReason, DateTimeOffset? until, string? delayReason)
    {
        Action = action;
        SkipReason = skipReason;
        Until = until;
        DelayReason = delayReason;
    }

    public static SendGuardDecision Allow { get; } = new(SendGuardAction.Allow, null, null, null);

    public SendGuardAction Action { get; }

    /// <summary>Why the send is skipped (<see cref="SendGuardAction.Skip"/> only).</summary>
    public SendSkipReason? SkipReason { get; }

    /// <summary>When the send may go (<see cref="SendGuardAction.Delay"/> only).</summary>
    public DateTimeOffset? Until { get; }

    /// <summary>Why the send waits, e.g. <c>quiet_hours</c> (<see cref="SendGuardAction.Delay"/> only).</summary>
    public string? DelayReason { get; }

    /// <exception cref="ArgumentException">The reason is invalid.</exception>
    public static SendGuardDecision Skip(SendSkipReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (reason.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(reason));
        }

        return new SendGuardDecision(SendGuardAction.Skip, reason, null, null);
    }

    /// <exception cref="ArgumentException">The reason is empty or over <see cref="SendSkipReason.MaxDetailLength"/> characters.</exception>
    public static SendGuardDecision Delay(DateTimeOffset until, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reason.Length, SendSkipReason.MaxDetailLength, nameof(reason));
        return new SendGuardDecision(SendGuardAction.Delay, null, until.ToUniversalTime(), reason);
    }
}
