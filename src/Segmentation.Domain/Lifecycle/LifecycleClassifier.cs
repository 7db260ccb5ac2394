using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;

namespace Segmentation.Domain.Lifecycle;

/// <summary>
/// The lifecycle stage as a pure function of a profile, an instant and the options. Rules, first match wins:
/// <list type="number">
/// <item>Lapsed: no activity for at least <see cref="LifecycleOptions.LapsedAfter"/>.</item>
/// <item>At Risk: no activity for at least <see cref="LifecycleOptions.AtRiskAfter"/>.</item>
/// <item>VIP: net revenue at least <see cref="LifecycleOptions.VipRevenueThreshold"/>, or RFM cell Champions.</item>
/// <item>New: first seen less than <see cref="LifecycleOptions.NewCustomerPeriod"/> ago and fewer than
/// <see cref="LifecycleOptions.NewCustomerOrderLimit"/> orders.</item>
/// <item>Active: otherwise.</item>
/// </list>
/// Inactivity comes first on purpose: the stage drives the next message, and a lapsed VIP needs a win-back,
/// not a VIP perk (<see cref="LifecycleAssessment.IsVip"/> still tells). Activity is
/// <see cref="CustomerProfile.LastActivityAt"/> (site events, email opens and clicks), else the first-seen time.
/// </summary>
public static class LifecycleClassifier
{
    /// <summary>The stage at <paramref name="asOf"/> and the next instant it changes by time passing.</summary>
    /// <param name="profile">The customer.</param>
    /// <param name="asOf">The instant to evaluate at.</param>
    /// <param name="options">Thresholds; <see cref="LifecycleOptions.Default"/> when null.</param>
    /// <param name="rfmCell">The customer's RFM cell when known (for Champions-as-VIP).</param>
    public static LifecycleAssessment Assess(CustomerProfile profile, DateTimeOffset asOf, LifecycleOptions? options = null, RfmCell? rfmCell = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        options ??= LifecycleOptions.Default;
        var facts = Facts.From(profile, options, rfmCell);
        var stage = Classify(facts, asOf, options);
        return new LifecycleAssessment(stage, facts.IsVip, asOf, NextChange(facts, stage, asOf, options));
    }

    /// <summary>
    /// The instants at which the stage can change by time passing alone, in order: where the inactivity thresholds and
    /// the end of the new-customer period are reached (whether it changes there also depends on the RFM cell then).
    /// </summary>
    /// <param name="profile">The customer.</param>
    /// <param name="options">Thresholds.</param>
    /// <param name="candidates">Receives the instants; three always fit.</param>
    /// <returns>How many instants were written.</returns>
    public static int ChangeCandidates(CustomerProfile profile, LifecycleOptions options, Span<DateTimeOffset> candidates)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        return ChangeCandidates(Facts.From(profile, options, rfmCell: null), options, candidates);
    }

    /// <summary>The stage at <paramref name="asOf"/>.</summary>
    public static LifecycleStage Classify(CustomerProfile profile, DateTimeOffset asOf, LifecycleOptions? options = null, RfmCell? rfmCell = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        options ??= LifecycleOptions.Default;
        return Classify(Facts.From(profile, options, rfmCell), asOf, options);
    }

    private static LifecycleStage Classify(Facts facts, DateTimeOffset asOf, LifecycleOptions options)
    {
        if (facts.ActivityReference is { } reference)
        {
            var inactive = asOf - reference;
            if (inactive >= options.LapsedAfter)
            {
                return LifecycleStage.Lapsed;
            }

            if (inactive >= options.AtRiskAfter)
            {
                return LifecycleStage.AtRisk;
            }
        }

        if (facts.IsVip)
        {
            return LifecycleStage.Vip;
        }

        var isRecent = facts.FirstSeenAt is not { } firstSeen || asOf - firstSeen < options.NewCustomerPeriod;
        return isRecent && facts.OrderCount < options.NewCustomerOrderLimit ? LifecycleStage.New : LifecycleStage.Active;
    }

    private static DateTimeOffset? NextChange(Facts facts, LifecycleStage stage, DateTimeOffset asOf, LifecycleOptions options)
    {
        Span<DateTimeOffset> candidates = stackalloc DateTimeOffset[3];
        foreach (var candidate in candidates[..ChangeCandidates(facts, options, candidates)])
        {
            if (candidate > asOf && Classify(facts, candidate, options) != stage)
            {
                return candidate.ToUniversalTime();
            }
        }

        return null;
    }

    private static int ChangeCandidates(Facts facts, LifecycleOptions options, Span<DateTimeOffset> candidates)
    {
        var count = 0;
        if (facts.ActivityReference is { } reference)
        {
            AddCandidate(candidates, ref count, reference, options.AtRiskAfter);
            AddCandidate(candidates, ref count, reference, options.LapsedAfter);
        }

        if (facts.FirstSeenAt is { } firstSeen)
        {
            AddCandidate(candidates, ref count, firstSeen, options.NewCustomerPeriod);
        }

        candidates[..count].Sort();
        return count;
    }

    private static void AddCandidate(Span<DateTimeOffset> candidates, ref int count, DateTimeOffset from, TimeSpan after)
    {
        if (after >= TimeSpan.Zero && DateTimeOffset.MaxValue - from >= after)
        {
            candidates[count++] = from + after;
        }
    }

    private readonly record struct Facts(DateTimeOffset? FirstSeenAt, DateTimeOffset? ActivityReference, int OrderCount, bool IsVip)
    {
        public static Facts From(CustomerProfile profile, LifecycleOptions options, RfmCell? rfmCell)
        {
            var isVip = (profile.OrderCount > 0 && profile.TotalRevenue >= options.VipRevenueThreshold)
                || (options.ChampionsAreVip && rfmCell == RfmCell.Champions);
            return new Facts(profile.FirstSeenAt, profile.LastActivityAt ?? profile.FirstSeenAt, profile.OrderCount, isVip);
        }
    }
}
