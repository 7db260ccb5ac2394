using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;

namespace Segmentation.Segments.Evaluation;

/// <summary>
/// One evaluation's view of a profile at an instant. What does not depend on the instant is in the evaluation's
/// <see cref="EvaluationCache"/>; the RFM scores and lifecycle stage at this instant are computed here at most once.
/// Small, so a view of the same evaluation at another instant is cheap. Passed by reference; never outlives the call.
/// </summary>
internal struct EvaluationScope
{
    private const byte RfmDone = 1;
    private const byte LifecycleDone = 2;

    private byte _done;
    private RfmScores? _rfm;
    private LifecycleStage _lifecycle;

    public EvaluationScope(EvaluationCache cache, long asOfTicks, ISegmentMembershipSource memberships)
    {
        Cache = cache;
        AsOfTicks = asOfTicks;
        Memberships = memberships;
    }

    public EvaluationCache Cache { get; }

    public readonly CustomerProfile Profile => Cache.Profile;

    public readonly SegmentEvaluationContext Context => Cache.Context;

    public long AsOfTicks { get; }

    public readonly DateTimeOffset AsOf => new(AsOfTicks, TimeSpan.Zero);

    /// <summary>This customer's membership of other segments: the context's, or this evaluation's results of a <see cref="CompiledSegmentSet"/>.</summary>
    public ISegmentMembershipSource Memberships { get; }

    /// <summary>When the RFM scores and lifecycle stage change after the evaluation's as-of.</summary>
    public readonly StageSchedule Schedule => Cache.Schedule;

    public RfmScores? Rfm
    {
        get
        {
            if ((_done & RfmDone) == 0)
            {
                _rfm = Context.RfmCutPoints is { } cutPoints && Cache.RfmInput is { } input ? cutPoints.Score(input, AsOf) : null;
                _done |= RfmDone;
            }

            return _rfm;
        }
    }

    public LifecycleStage Lifecycle
    {
        get
        {
            if ((_done & LifecycleDone) == 0)
            {
                _lifecycle = LifecycleClassifier.Classify(Profile, AsOf, Context.LifecycleOptions, Rfm?.Cell);
                _done |= LifecycleDone;
            }

            return _lifecycle;
        }
    }

    public readonly decimal? AverageOrderValue => Cache.AverageOrderValue;

    public readonly ref readonly CartSummary Cart => ref Cache.Cart;

    public readonly ref readonly EmailEngagement Engagement => ref Cache.Engagement;

    /// <summary>The same evaluation at another instant.</summary>
    public readonly EvaluationScope At(long ticks) => new(Cache, ticks, Memberships);

    /// <summary>The same evaluation at the <see cref="Schedule"/>'s change at <paramref name="index"/>, with its RFM scores and stage.</summary>
    public readonly EvaluationScope AtScheduled(int index, long ticks) => new(Cache, ticks, Memberships)
    {
        _rfm = Schedule.RfmAt(index),
        _lifecycle = Schedule.StageAt(index),
        _done = RfmDone | LifecycleDone,
    };
}
