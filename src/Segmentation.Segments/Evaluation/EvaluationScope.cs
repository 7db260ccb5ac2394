using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;

namespace Segmentation.Segments.Evaluation;

/// <summary>
/// One evaluation's view of a profile at an instant, computing what several conditions share (RFM scores,
/// lifecycle stage, cart, email engagement) at most once. Passed by reference; never outlives the call.
/// </summary>
internal struct EvaluationScope
{
    private const byte RfmDone = 1;
    private const byte LifecycleDone = 2;

    private byte _done;
    private RfmScores? _rfm;
    private LifecycleStage _lifecycle;
    private CartContents? _cart;
    private EmailEngagement? _engagement;

    public EvaluationScope(CustomerProfile profile, SegmentEvaluationContext context, long asOfTicks)
    {
        Profile = profile;
        Context = context;
        AsOfTicks = asOfTicks;
    }

    public CustomerProfile Profile { get; }

    public SegmentEvaluationContext Context { get; }

    public long AsOfTicks { get; }

    public readonly DateTimeOffset AsOf => new(AsOfTicks, TimeSpan.Zero);

    public RfmScores? Rfm
    {
        get
        {
            if ((_done & RfmDone) == 0)
            {
                _rfm = Context.RfmCutPoints is { } cutPoints && Profile.GetRfmInput() is { } input ? cutPoints.Score(input, AsOf) : null;
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

    public CartContents Cart => _cart ??= Profile.Cart;

    public EmailEngagement Engagement => _engagement ??= Profile.EmailEngagement;

    /// <summary>The same profile and context at another instant; what does not depend on time is carried over.</summary>
    public readonly EvaluationScope At(long ticks) => new(Profile, Context, ticks) { _cart = _cart, _engagement = _engagement };
}
