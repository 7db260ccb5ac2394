using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;

namespace Segmentation.Segments.Evaluation;

/// <summary>
/// What one evaluation computes at most once and shares across its rules and the instants it looks at: the profile's
/// figures that do not depend on the instant (cart, email engagement, average order value, RFM input), when the RFM
/// scores and lifecycle stage change (<see cref="Schedule"/>), and a set's own memberships. One reusable instance per
/// thread, so an evaluation allocates nothing once the thread is warm; never outlives the evaluation.
/// </summary>
internal sealed class EvaluationCache
{
    [ThreadStatic]
    private static EvaluationCache? t_free;

    private CartSummary _cart;
    private EmailEngagement _engagement;
    private decimal? _averageOrderValue;
    private RfmInput? _rfmInput;
    private Known _known;

    private EvaluationCache()
    {
        Schedule = new StageSchedule(this);
    }

    [Flags]
    private enum Known : byte
    {
        None = 0,
        Cart = 1,
        Engagement = 2,
        AverageOrderValue = 4,
        RfmInput = 8,
    }

    public CustomerProfile Profile { get; private set; } = null!;

    public SegmentEvaluationContext Context { get; private set; } = null!;

    public StageSchedule Schedule { get; }

    /// <summary>The memberships a <see cref="CompiledSegmentSet"/> gives its <c>in_segment</c> conditions.</summary>
    public SegmentMembershipTable Memberships { get; } = new();

    public ref readonly CartSummary Cart
    {
        get
        {
            if (Learn(Known.Cart))
            {
                _cart = Profile.CartSummary;
            }

            return ref _cart;
        }
    }

    public ref readonly EmailEngagement Engagement
    {
        get
        {
            if (Learn(Known.Engagement))
            {
                _engagement = Profile.EmailEngagement;
            }

            return ref _engagement;
        }
    }

    /// <summary>Total revenue divided by the order count; null without orders.</summary>
    public decimal? AverageOrderValue
    {
        get
        {
            if (Learn(Known.AverageOrderValue))
            {
                _averageOrderValue = Profile.OrderCount is > 0 and var count ? Profile.TotalRevenue / count : null;
            }

            return _averageOrderValue;
        }
    }

    public RfmInput? RfmInput
    {
        get
        {
            if (Learn(Known.RfmInput))
            {
                _rfmInput = Profile.GetRfmInput();
            }

            return _rfmInput;
        }
    }

    /// <summary>This thread's cache, emptied, for an evaluation as of <paramref name="asOfTicks"/>; <see cref="Release"/> gives it back.</summary>
    public static EvaluationCache Rent(CustomerProfile profile, SegmentEvaluationContext context, long asOfTicks)
    {
        var cache = t_free ?? new EvaluationCache();
        t_free = null;
        cache.Profile = profile;
        cache.Context = context;
        cache._known = Known.None;
        cache.Schedule.Reset(asOfTicks);
        return cache;
    }

    public void Release()
    {
        Profile = null!;
        Context = null!;
        Memberships.Clear();
        t_free = this;
    }

    /// <summary>True the first time <paramref name="what"/> is asked for (the caller computes it then).</summary>
    private bool Learn(Known what)
    {
        if ((_known & what) != 0)
        {
            return false;
        }

        _known |= what;
        return true;
    }
}
