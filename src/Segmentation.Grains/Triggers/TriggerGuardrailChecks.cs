using Segmentation.Delivery.Sends;
using Segmentation.Domain.Profiles;

namespace Segmentation.Grains.Triggers;

/// <summary>The guardrail checks that the customer grain (when a trigger fires) and the send guard (before dispatch) share.</summary>
public static class TriggerGuardrailChecks
{
    /// <summary>
    /// Why the customer must not get marketing email, as a skip reason code; null when it may. Complaints, bounces and
    /// unsubscribes first, then a missing address, then consent that was never given.
    /// </summary>
    public static string? ConsentSkipReason(CustomerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var suppression = profile.Suppression;
        if (suppression.IsComplained)
        {
            return SendSkipReasons.Complained;
        }

        if (suppression.IsBounced)
        {
            return SendSkipReasons.Bounced;
        }

        if (suppression.IsUnsubscribed)
        {
            return SendSkipReasons.Unsubscribed;
        }

        if (string.IsNullOrWhiteSpace(profile.Email))
        {
            return SendSkipReasons.NoEmail;
        }

        return profile.EmailConsent.Status == ConsentStatus.Subscribed ? null : SendSkipReasons.NoConsent;
    }

    /// <summary>Whether <paramref name="sent"/> marketing sends in the last 24 hours reach the cap (0: no cap).</summary>
    public static bool CapReached(int sent, int cap) => cap > 0 && sent >= cap;
}
