using Segmentation.Domain.Profiles;

namespace Segmentation.Domain.Triggers;

/// <summary>What a trigger policy looks at: the customer as of an instant, in its time zone, with what was already decided.</summary>
/// <param name="Profile">The customer's profile.</param>
/// <param name="AsOf">The instant of the deciding record (never the wall clock).</param>
/// <param name="NotBefore">
/// Occurrences due before this instant are passed over: not sent, not recorded (<c>AsOf</c> minus the guardrails'
/// <c>MaxLateness</c>; imported history or long-delayed events must not mail anyone). Birthdays follow their local day instead.
/// </param>
/// <param name="Zone">The customer's time zone (the default zone when it has none).</param>
/// <param name="Ledger">The occurrences already decided or deferred.</param>
/// <param name="CartSince">When the current cart started (its first change after it was empty, bought or checked out); null without one.</param>
/// <param name="IsInSegment">Whether the customer is in a segment now.</param>
public sealed record TriggerContext(
    CustomerProfile Profile,
    DateTimeOffset AsOf,
    DateTimeOffset NotBefore,
    TimeZoneInfo Zone,
    TriggerLedger Ledger,
    DateTimeOffset? CartSince,
    Func<string, bool> IsInSegment);
