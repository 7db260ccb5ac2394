using Segmentation.Domain.Profiles.State;

namespace Segmentation.Domain.Profiles;

/// <summary>Alias merge: joining another profile's history into this one.</summary>
public sealed partial class CustomerProfile
{
    /// <summary>
    /// Joins the history of <paramref name="other"/> (typically the anonymous profile an alias call points at)
    /// into this profile. The result equals applying both message streams to one profile in timestamp order,
    /// under the same horizon rule as late events: each part of the other profile's history must be within the
    /// reorder horizon of this profile's, or (for the cart) precede an Order Completed; the streams are assumed
    /// to share no message id. <paramref name="other"/> is not modified.
    /// </summary>
    public void MergeFrom(CustomerProfile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(this, other))
        {
            throw new ArgumentException("A profile cannot be merged into itself.", nameof(other));
        }

        if (other._latestKey is not { } otherLatest)
        {
            return;
        }

        _latestKey = EventKey.IsNewer(otherLatest, _latestKey) ? otherLatest : _latestKey;
        _messageIds.MergeFrom(other._messageIds);
        _firstSeenTicks = Time.Min(_firstSeenTicks, other._firstSeenTicks);
        _lastActivityTicks = Time.Max(_lastActivityTicks, other._lastActivityTicks);
        _tally.MergeFrom(other._tally);

        if (other._userIdStamp is { } userStamp && EventKey.IsNewer(userStamp, _userIdStamp))
        {
            _userId = other._userId;
            _userIdStamp = userStamp;
        }

        _anonymousIds.UnionWith(other._anonymousIds);
        _traits.MergeFrom(other._traits);

        if (other._consentStamp is { } consentStamp)
        {
            SetConsent(other._consentStatus, other._consentSource ?? string.Empty, consentStamp);
        }

        _hardBounces += other._hardBounces;
        _softBounces += other._softBounces;
        _hardBounceTicks = Time.Min(_hardBounceTicks, other._hardBounceTicks);
        _complaints += other._complaints;
        _complaintTicks = Time.Min(_complaintTicks, other._complaintTicks);
        _engagement.MergeFrom(other._engagement);

        _cart.MergeFrom(other._cart);
        foreach (var add in other._cartAdds.Items())
        {
            _cartAdds.Add(add);
        }

        _browsing.MergeFrom(other._browsing);
        _sessions.MergeFrom(other._sessions);
        _orders.MergeFrom(other._orders);
        _timeline.MergeFrom(other._timeline);
        Prune();
    }
}
