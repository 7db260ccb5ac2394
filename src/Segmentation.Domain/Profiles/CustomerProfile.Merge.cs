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
        MergePart(ref _messageIds, other._messageIds);
        _firstSeenTicks = Time.Min(_firstSeenTicks, other._firstSeenTicks);
        _lastActivityTicks = Time.Max(_lastActivityTicks, other._lastActivityTicks);
        MergePart(ref _tally, other._tally);

        if (other._userIdStamp is { } userStamp && EventKey.IsNewer(userStamp, _userIdStamp))
        {
            _userId = other._userId;
            _userIdStamp = userStamp;
        }

        if (other._anonymousIds is { } anonymousIds)
        {
            (_anonymousIds ??= new(StringComparer.Ordinal)).UnionWith(anonymousIds);
        }

        MergePart(ref _traits, other._traits);

        if (other._consentStamp is { } consentStamp)
        {
            SetConsent(other._consentStatus, other._consentSource ?? string.Empty, consentStamp);
        }

        _hardBounces += other._hardBounces;
        _softBounces += other._softBounces;
        _hardBounceTicks = Time.Min(_hardBounceTicks, other._hardBounceTicks);
        _complaints += other._complaints;
        _complaintTicks = Time.Min(_complaintTicks, other._complaintTicks);
        MergePart(ref _engagement, other._engagement);

        MergePart(ref _cart, other._cart);
        foreach (var add in other.CartAdds.Items())
        {
            (_cartAdds ??= new()).Add(add);
        }

        MergePart(ref _browsing, other._browsing);
        MergePart(ref _sessions, other._sessions);
        MergePart(ref _orders, other._orders);
        MergePart(ref _timeline, other._timeline);
        Prune();
    }

    /// <summary>Joins another profile's part into this one's, allocating this one's when the other has one.</summary>
    private static void MergePart<T>(ref T? mine, T? theirs)
        where T : class, IProfilePart<T>, new()
    {
        if (theirs is not null)
        {
            (mine ??= new()).MergeFrom(theirs);
        }
    }
}
