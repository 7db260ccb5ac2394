using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;
using Segmentation.Segments.Evaluation;
using static Segmentation.Segments.Tests.Support.Messages;
using static Segmentation.Segments.Tests.Support.Profiles;

namespace Segmentation.Segments.Tests.Evaluation;

public class NextChangeTests
{
    private const string View = """{"product_id":"p1","category":"shoes"}""";

    /// <summary>The result one tick before the change is the current one; at the change it is the other.</summary>
    private static void AssertFlipsExactlyAt(CompiledSegmentRule rule, CustomerProfile profile, SegmentEvaluationContext context, DateTimeOffset expected)
    {
        var now = rule.Evaluate(profile, context);
        Assert.Equal(expected, rule.NextChange(profile, context));
        Assert.Equal(now, rule.Evaluate(profile, context with { AsOf = expected.AddTicks(-1) }));
        Assert.Equal(!now, rule.Evaluate(profile, context with { AsOf = expected }));
    }

    [Fact]
    public void NextChange_ViewedInLastSevenDays_LeavesExactlySevenDaysAfterTheView()
    {
        // Arrange
        var profile = Build(Track("Product Viewed", T0, View));
        var rule = SegmentRuleCompiler.Compile("views(7d) >= 1");

        // Act + Assert
        AssertFlipsExactlyAt(rule, profile, new SegmentEvaluationContext(T0.AddHours(3)), T0.AddDays(7));
    }

    [Fact]
    public void NextChange_CountBelowThresholdAndNothingToCome_IsNull()
    {
        // Arrange: one view in the window; the count can only fall, so it never reaches 2 again.
        var profile = Build(Track("Product Viewed", T0, View));
        var rule = SegmentRuleCompiler.Compile("views(7d) >= 2");

        // Act
        var next = rule.NextChange(profile, new SegmentEvaluationContext(T0.AddHours(1)));

        // Assert
        Assert.Null(next);
    }

    [Fact]
    public void NextChange_SumWithANegativeAmountLeaving_RisesAboveTheThreshold()
    {
        // Arrange: -50 then +30: the sum is -20 until the -50 leaves the window, then 30.
        var profile = Build(
            Track("Balance Adjusted", T0, """{"amount":-50}"""),
            Track("Balance Adjusted", T0.AddDays(1), """{"amount":30}"""));
        var rule = SegmentRuleCompiler.Compile("sum(\"Balance Adjusted\", amount, 7d) > 0");

        // Act + Assert
        AssertFlipsExactlyAt(rule, profile, new SegmentEvaluationContext(T0.AddDays(2)), T0.AddDays(7));
    }

    [Fact]
    public void NextChange_ThresholdOfTwo_SkipsExitsThatKeepTheCountAbove()
    {
        // Arrange: three views; the count drops below 2 when the second one leaves.
        var profile = Build(
            Track("Product Viewed", T0, View),
            Track("Product Viewed", T0.AddDays(1), View),
            Track("Product Viewed", T0.AddDays(2), View));
        var rule = SegmentRuleCompiler.Compile("views(7d) >= 2");

        // Act + Assert
        AssertFlipsExactlyAt(rule, profile, new SegmentEvaluationContext(T0.AddDays(2)), T0.AddDays(8));
    }

    [Fact]
    public void NextChange_NotViewed_EntersWhenTheLastViewExpires()
    {
        // Arrange
        var profile = Build(Track("Product Viewed", T0, View), Track("Product Viewed", T0.AddHours(5), View));
        var rule = SegmentRuleCompiler.Compile("not views(1d) > 0 and orders_count = 0");

        // Act + Assert
        AssertFlipsExactlyAt(rule, profile, new SegmentEvaluationContext(T0.AddHours(5)), T0.AddHours(29));
    }

    [Fact]
    public void NextChange_FutureDatedEvent_ChangesWhenItEntersTheWindow()
    {
        // Arrange
        var profile = Build(Track("Product Viewed", T0.AddHours(2), View));
        var rule = SegmentRuleCompiler.Compile("views(1d) > 0");

        // Act + Assert
        AssertFlipsExactlyAt(rule, profile, new SegmentEvaluationContext(T0), T0.AddHours(2));
    }

    [Fact]
    public void NextChange_FilteredCount_IgnoresEventsTheFilterRejects()
    {
        // Arrange: the hat view leaves first, but only the shoe views count.
        var profile = Build(
            Track("Product Viewed", T0, """{"category":"hats"}"""),
            Track("Product Viewed", T0.AddDays(1), View),
            Track("Product Viewed", T0.AddDays(3), View));
        var rule = SegmentRuleCompiler.Compile("count(\"Product Viewed\" where category = \"shoes\", 14d) >= 2");

        // Act + Assert
        AssertFlipsExactlyAt(rule, profile, new SegmentEvaluationContext(T0.AddDays(3)), T0.AddDays(15));
    }

    [Fact]
    public void NextChange_RevenueSum_FallsBelowWhenTheBigOrderLeaves()
    {
        // Arrange
        var profile = Build(
            Track("Order Completed", T0, """{"order_id":"o1","revenue":80}"""),
            Track("Order Completed", T0.AddDays(10), """{"order_id":"o2","revenue":30}"""));
        var rule = SegmentRuleCompiler.Compile("revenue(30d) > 100");

        // Act + Assert
        AssertFlipsExactlyAt(rule, profile, new SegmentEvaluationContext(T0.AddDays(10)), T0.AddDays(30));
    }

    [Fact]
    public void NextChange_ClickedWithin_ExpiresAfterTheWindow()
    {
        // Arrange
        var profile = Build(Track("Email Link Clicked", T0));
        var rule = SegmentRuleCompiler.Compile("email_clicked within 7d");

        // Act + Assert
        AssertFlipsExactlyAt(rule, profile, new SegmentEvaluationContext(T0.AddDays(1)), T0.AddDays(7));
    }

    [Fact]
    public void NextChange_LapsedSixtyDays_EntersSixtyDaysAfterTheLastOrder()
    {
        // Arrange
        var profile = Build(Track("Order Completed", T0, """{"order_id":"o1","revenue":10}"""));
        var rule = SegmentRuleCompiler.Compile("orders_count > 0 and last_order_at before 60d");

        // Act + Assert
        AssertFlipsExactlyAt(rule, profile, new SegmentEvaluationContext(T0.AddDays(1)), T0.AddDays(60));
    }

    [Fact]
    public void NextChange_AndOfTwoWindows_IsTheEarlierExpiry()
    {
        // Arrange
        var profile = Build(Track("Product Viewed", T0, View), Track("Email Opened", T0.AddHours(1)));
        var rule = SegmentRuleCompiler.Compile("views(7d) > 0 and email_opened within 3d");

        // Act + Assert
        AssertFlipsExactlyAt(rule, profile, new SegmentEvaluationContext(T0.AddHours(2)), T0.AddHours(1).AddDays(3));
    }

    [Fact]
    public void NextChange_OrOfTwoWindows_SkipsTheFirstExpiryThatChangesNothing()
    {
        // Arrange
        var profile = Build(Track("Product Viewed", T0, View), Track("Email Opened", T0.AddHours(1)));
        var rule = SegmentRuleCompiler.Compile("views(7d) > 0 or email_opened within 3d");

        // Act + Assert
        AssertFlipsExactlyAt(rule, profile, new SegmentEvaluationContext(T0.AddHours(2)), T0.AddDays(7));
    }

    [Fact]
    public void NextChange_LifecycleAtRisk_EntersAfterThirtyDaysAndLeavesAfterSixty()
    {
        // Arrange
        var profile = Build(Page(T0));
        var rule = SegmentRuleCompiler.Compile("lifecycle = \"at_risk\"");

        // Act + Assert
        AssertFlipsExactlyAt(rule, profile, new SegmentEvaluationContext(T0.AddDays(1)), T0.AddDays(30));
        AssertFlipsExactlyAt(rule, profile, new SegmentEvaluationContext(T0.AddDays(30)), T0.AddDays(60));
        Assert.Null(rule.NextChange(profile, new SegmentEvaluationContext(T0.AddDays(60))));
    }

    [Fact]
    public void NextChange_RecencyScoreWithFixedThresholds_ChangesAtTheUtcMidnightAfterThirtyDays()
    {
        // Arrange: R5 lasts while the last order is at most 30 days old (by UTC date).
        var profile = Build(Track("Order Completed", T0, """{"order_id":"o1","revenue":10}"""));
        var rule = SegmentRuleCompiler.Compile("rfm.r = 5");
        var context = new SegmentEvaluationContext(T0.AddDays(2)) { RfmCutPoints = RfmCutPoints.Fixed(new RfmOptions()) };

        // Act + Assert
        AssertFlipsExactlyAt(rule, profile, context, new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void NextChange_ChampionsMakeVipsAndRecencyDecays_LifecycleChangesWithTheCell()
    {
        // Arrange: ten orders make F5 and R5 (Champions, so VIP) until the recency score drops.
        var messages = Enumerable.Range(0, 10)
            .Select(i => Track("Order Completed", T0.AddHours(i), $$"""{"order_id":"o{{i}}","revenue":1}"""))
            .Append(Page(T0.AddDays(25)))
            .ToArray();
        var profile = Build(messages);
        var rule = SegmentRuleCompiler.Compile("lifecycle = \"vip\"");
        var context = new SegmentEvaluationContext(T0.AddDays(1)) { RfmCutPoints = RfmCutPoints.Fixed(new RfmOptions()) };

        // Act + Assert: lifecycle is VIP by the cell until R5 ends at midnight (the customer is still active).
        AssertFlipsExactlyAt(rule, profile, context, new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void NextChange_QuintileRecency_NeverDecays()
    {
        // Arrange
        var profile = Build(Track("Order Completed", T0, """{"order_id":"o1","revenue":10}"""));
        var cutPoints = new RfmCutPoints(
            RfmScoringMode.Quintiles,
            new RfmThresholds(RfmDirection.LowerIsBetter, 100, 50, 20, 5),
            new RfmThresholds(RfmDirection.HigherIsBetter, 2, 3, 4, 5),
            new RfmThresholds(RfmDirection.HigherIsBetter, 100, 200, 300, 400),
            new DateOnly(2025, 3, 2),
            1000);
        var rule = SegmentRuleCompiler.Compile("rfm.r = 5");

        // Act
        var next = rule.NextChange(profile, new SegmentEvaluationContext(T0.AddDays(400)) { RfmCutPoints = cutPoints });

        // Assert
        Assert.Null(next);
        Assert.True(rule.IsTimeDependent);
    }

    [Fact]
    public void NextChange_RuleWithoutTime_IsNull()
    {
        // Arrange
        var profile = Build(Identify(T0, """{"email":"jo@example.com"}"""));
        var rule = SegmentRuleCompiler.Compile("email exists and orders_count = 0 and not cart.empty");

        // Act
        var next = rule.NextChange(profile, new SegmentEvaluationContext(T0));

        // Assert
        Assert.False(rule.IsTimeDependent);
        Assert.Null(next);
    }

    [Fact]
    public void NextChange_WindowThatCanNoLongerChange_IsNull()
    {
        // Arrange
        var profile = Build(Track("Product Viewed", T0, View));
        var rule = SegmentRuleCompiler.Compile("views(7d) > 5");

        // Act
        var next = rule.NextChange(profile, new SegmentEvaluationContext(T0));

        // Assert
        Assert.Null(next);
    }

    [Fact]
    public void NextChange_ReferencedSegmentChangesFirst_IsThatInstant()
    {
        // Arrange
        var profile = Build(Track("Product Viewed", T0, View));
        var memberships = new SegmentMembershipTable();
        memberships.Set("recent-buyers", new SegmentMembership(true, T0.AddDays(2)));
        var rule = SegmentRuleCompiler.Compile("in_segment(\"recent-buyers\") and views(7d) > 0");
        var context = new SegmentEvaluationContext(T0.AddDays(1)) { Memberships = memberships };

        // Act + Assert
        AssertFlipsExactlyAt(rule, profile, context, T0.AddDays(2));
    }

    [Fact]
    public void NextChange_ReferencedSegmentChangeHiddenByOr_StopsAtThatInstantForReevaluation()
    {
        // Arrange: the membership flips at day 2 without changing this rule; beyond day 2 it is not known here.
        var profile = Build(Track("Product Viewed", T0, View));
        var memberships = new SegmentMembershipTable();
        memberships.Set("recent-buyers", new SegmentMembership(true, T0.AddDays(2)));
        var rule = SegmentRuleCompiler.Compile("in_segment(\"recent-buyers\") or views(7d) > 0");

        // Act
        var next = rule.NextChange(profile, new SegmentEvaluationContext(T0.AddDays(1)) { Memberships = memberships });

        // Assert
        Assert.Equal(T0.AddDays(2), next);
    }

    [Fact]
    public void NextChange_CartAbandonedFor30Minutes_EntersThirtyMinutesAfterTheLastCartChange()
    {
        // Arrange
        var profile = Build(Track("Product Added", T0, """{"product_id":"p1","price":10}"""));
        var rule = SegmentRuleCompiler.Compile("not cart.empty and cart.updated_at before 30m");

        // Act + Assert
        AssertFlipsExactlyAt(rule, profile, new SegmentEvaluationContext(T0), T0.AddMinutes(30));
    }
}
