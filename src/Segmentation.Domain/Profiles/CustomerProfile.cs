using Segmentation.Domain.Profiles.State;
using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles;

/// <summary>
/// The live state of one customer: identity, traits, consent, cart, browsing, sessions, email engagement,
/// orders, event counts and rolling windows, folded from tracking messages. Deterministic: the only notion of
/// time is the messages' timestamps and the <c>asOf</c> arguments of the queries. Each part (and each collection
/// inside one) is allocated with its first entry; until then reads see the part's shared empty instance, so a profile
/// costs memory for what its customer did (see <see cref="State.IProfilePart{TSelf}"/>).
/// </summary>
/// <remarks>
/// <para>
/// Late events. The state after a set of messages equals the state after applying them in (timestamp,
/// messageId) order, whatever order they arrive in. Most parts are built so that order cannot matter:
/// counters, min/max times, last-write-wins registers stamped with the event key (traits, consent, user id),
/// orders keyed by order id (earliest completion wins; updates, refunds and cancellations after it apply),
/// and window timelines that hold every event of the retention and are pruned relative to the latest event
/// time. The two genuinely sequential parts, the cart and the session count, keep a journal of the reorder
/// horizon (<see cref="ProfileLimits.ReorderHorizon"/>) and re-fold when an event lands inside it; an
/// in-order event costs O(1) everywhere.
/// </para>
/// <para>
/// The guarantee holds for each message that arrives while it is within the reorder horizon of the latest
/// event applied so far. An older message is still taken exactly by the commutative parts, is ignored by the
/// cart unless an Order Completed after it made it irrelevant anyway, and is ignored by the session count
/// (the outcome says <see cref="ApplyOutcome.AppliedBeyondHorizon"/>). Message ids are remembered for the
/// reorder horizon: a duplicate older than that is not recognized.
/// </para>
/// </remarks>
public sealed partial class CustomerProfile
{
    private MessageIdWindow? _messageIds;
    private EventTally? _tally;
    private EventKey? _latestKey;
    private long? _firstSeenTicks;
    private long? _lastActivityTicks;

    private MessageIdWindow MessageIds => _messageIds ?? MessageIdWindow.Empty;

    private EventTally Tally => _tally ?? EventTally.Empty;

    /// <summary>The time of the newest applied event; the reference for pruning.</summary>
    public DateTimeOffset? LatestEventAt => _latestKey is { } key ? Time.At(key.Ticks) : null;

    /// <summary>The time of the oldest applied event.</summary>
    public DateTimeOffset? FirstSeenAt => Time.At(_firstSeenTicks);

    /// <summary>The newest time of the customer's own activity: site events and email opens or clicks.</summary>
    public DateTimeOffset? LastActivityAt => Time.At(_lastActivityTicks);

    /// <summary>True until the first message is applied.</summary>
    public bool IsEmpty => _latestKey is null;

    /// <summary>Folds one message into the profile.</summary>
    public ApplyOutcome Apply(TrackingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (MessageIds.Contains(message.MessageId))
        {
            return ApplyOutcome.Duplicate;
        }

        Span<Utf8JsonMemberSlot> propertySlots = stackalloc Utf8JsonMemberSlot[Utf8JsonMembers.StackSlots];
        Span<Utf8JsonMemberSlot> contextSlots = stackalloc Utf8JsonMemberSlot[Utf8JsonMembers.StackSlots];
        var evt = new ProfileEvent(message, propertySlots, contextSlots);
        var outOfOrder = _latestKey is { } latest && evt.Key < latest;
        if (!outOfOrder)
        {
            _latestKey = evt.Key;
        }

        (_messageIds ??= new()).Add(message.ReceivedAt.UtcTicks, message.MessageId);
        _firstSeenTicks = Time.Min(_firstSeenTicks, evt.Ticks);
        if (evt.IsActivity)
        {
            _lastActivityTicks = Time.Max(_lastActivityTicks, evt.Ticks);
        }

        // The name as the copy that the tally's and the timeline's keys share with every other profile.
        var eventName = message.Type == TrackingMessageType.Track && message.Event is { } sent ? SharedStrings.Share(sent) : null;
        (_tally ??= new()).Record((int)message.Type, eventName, evt.Ticks);
        if (eventName is not null)
        {
            (_timeline ??= new()).Add(eventName, evt.Key, evt.Properties);
        }

        ApplyIdentity(evt);
        ApplyContext(evt);
        var exact = message.Type switch
        {
            TrackingMessageType.Identify => ApplyIdentify(evt),
            TrackingMessageType.Track => ApplyTrack(evt),
            _ => true,
        };
        ApplyTimeOnPage(evt);
        if (evt.IsSiteActivity)
        {
            exact &= (_sessions ??= new()).Add(evt.Ticks);
        }

        Prune();
        return !outOfOrder ? ApplyOutcome.Applied : exact ? ApplyOutcome.AppliedOutOfOrder : ApplyOutcome.AppliedBeyondHorizon;
    }

    private bool ApplyTrack(ProfileEvent evt)
    {
        switch (evt.Known)
        {
            case KnownEvent.ProductsSearched:
                ApplySearch(evt);
                return true;
            case KnownEvent.ProductListViewed:
                ApplyProductListViewed(evt);
                return true;
            case KnownEvent.ProductViewed:
                ApplyProductViewed(evt);
                return true;
            case KnownEvent.ProductAdded:
            case KnownEvent.ProductRemoved:
            case KnownEvent.CartViewed:
            case KnownEvent.CheckoutStarted:
                return ApplyCartEvent(evt);
            case KnownEvent.OrderCompleted:
                ApplyOrderCompleted(evt);
                return ApplyCartEvent(evt);
            case KnownEvent.OrderUpdated:
                ApplyOrderUpdated(evt);
                return true;
            case KnownEvent.OrderRefunded:
                ApplyOrderRefunded(evt);
                return true;
            case KnownEvent.OrderCancelled:
                ApplyOrderCancelled(evt);
                return true;
            case KnownEvent.EmailOpened:
            case KnownEvent.EmailLinkClicked:
                ApplyEmailEngagement(evt);
                return true;
            case KnownEvent.Unsubscribed:
                SetConsent(ConsentStatus.Unsubscribed, "track:" + evt.Message.Event, evt.Key);
                return true;
            case KnownEvent.EmailBounced:
                ApplyBounce(evt);
                return true;
            case KnownEvent.EmailMarkedAsSpam:
                ApplyComplaint(evt);
                return true;
            default:
                return true;
        }
    }

    /// <summary>Drops what has aged out relative to the latest event time; O(1) when nothing has.</summary>
    private void Prune()
    {
        if (_latestKey is not { } latest)
        {
            return;
        }

        _messageIds?.PruneThrough(_messageIds.LatestTicks - ProfileLimits.DedupeRetention.Ticks);
        var horizon = latest.Ticks - ProfileLimits.ReorderHorizon.Ticks;
        _cart?.PruneThrough(horizon);
        _sessions?.PruneThrough(horizon);
        var retention = latest.Ticks - ProfileLimits.WindowRetention.Ticks;
        _browsing?.PruneThrough(retention);
        _cartAdds?.PruneThrough(retention);
        _orders?.PruneThrough(retention);
        _timeline?.PruneThrough(retention);
    }
}
