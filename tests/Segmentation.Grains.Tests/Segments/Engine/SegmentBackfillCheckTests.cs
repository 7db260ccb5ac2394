using Segmentation.Domain.Profiles;
using Segmentation.Grains.Segments;
using Segmentation.Segments.Evaluation;
using static Segmentation.Grains.Tests.CustomerSilo;

namespace Segmentation.Grains.Tests.Segments.Engine;

public sealed class SegmentBackfillCheckTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AsOf = T0.AddHours(1);

    [Theory]
    [InlineData("views(7d) > 0", SegmentBackfillNeed.Evaluate)]
    [InlineData("orders_count > 0", SegmentBackfillNeed.None)]
    public void CheckBackfill_NewSegment_AsksOnlyACustomerThatEnters(string rule, SegmentBackfillNeed expected)
    {
        var set = Set(Segment("new", rule));

        var need = Check(set, "new", 1, Viewer(), [], reminderAt: T0.AddDays(60));

        Assert.Equal(expected, need);
    }

    [Theory]
    [InlineData(60, SegmentBackfillNeed.Evaluate)]
    [InlineData(2, SegmentBackfillNeed.None)]
    [InlineData(null, SegmentBackfillNeed.Evaluate)]
    public void CheckBackfill_RuleThatFlipsByTimeAlone_AsksWhenItFlipsBeforeTheReminder(int? reminderDays, SegmentBackfillNeed expected)
    {
        // Not a member now; a member 3 days after the last activity, with no new event.
        var set = Set(Segment("quiet", "last_activity_at before 3d"));

        var need = Check(set, "quiet", 1, Viewer(), [], reminderAt: reminderDays is { } days ? T0.AddDays(days) : null);

        Assert.Equal(expected, need);
    }

    [Fact]
    public void CheckBackfill_ReminderAlreadyDue_LeavesItToTheReminder()
    {
        var set = Set(Segment("new", "views(7d) > 0"));

        var need = Check(set, "new", 1, Viewer(), [], reminderAt: AsOf);

        Assert.Equal(SegmentBackfillNeed.None, need);
    }

    [Fact]
    public void CheckBackfill_EditThatKeepsTheCustomerIn_AsksNothing()
    {
        var set = Set(Segment("viewers", "views(30d) > 0", version: 2));

        var need = Check(set, "viewers", 2, Viewer(), new() { ["viewers"] = new(1, T0) }, reminderAt: T0.AddDays(7));

        Assert.Equal(SegmentBackfillNeed.None, need);
    }

    [Fact]
    public void CheckBackfill_EditThatTakesTheCustomerOut_Asks()
    {
        // Version 2 holds only for a view in the last 30 minutes; the view was an hour ago.
        var set = Set(Segment("viewers", "views(30m) > 0", version: 2), Segment("lost-viewers", "not in_segment(\"viewers\")"));
        var stored = new Dictionary<string, SegmentMembershipEntry> { ["viewers"] = new(1, T0) };

        Assert.Equal(SegmentBackfillNeed.Evaluate, Check(set, "viewers", 2, Viewer(), stored, reminderAt: T0.AddDays(7)));
    }

    [Theory]
    [InlineData(true, SegmentBackfillNeed.Evaluate)]
    [InlineData(false, SegmentBackfillNeed.None)]
    public void CheckBackfill_RuleNamingASegmentOutsideTheBackfill_ReadsTheStoredMembership(bool storedMember, SegmentBackfillNeed expected)
    {
        var set = Set(Segment("buyers", "orders_count > 0"), Segment("buyer-viewers", "in_segment(\"buyers\") and views(7d) > 0"));
        var stored = storedMember ? new Dictionary<string, SegmentMembershipEntry> { ["buyers"] = new(1, T0) } : [];

        var need = Check(set, "buyer-viewers", 1, Viewer(), stored, reminderAt: T0.AddDays(7));

        Assert.Equal(expected, need);
    }

    [Theory]
    [InlineData(true, SegmentBackfillNeed.Evaluate)]
    [InlineData(false, SegmentBackfillNeed.None)]
    public void CheckBackfill_NoProfile_AsksOnlyToLeave(bool storedMember, SegmentBackfillNeed expected)
    {
        var set = Set(Segment("viewers", "views(7d) > 0", version: 2));
        var stored = storedMember ? new Dictionary<string, SegmentMembershipEntry> { ["viewers"] = new(1, T0) } : [];

        Assert.Equal(expected, Check(set, "viewers", 2, profile: null, stored, reminderAt: null));
    }

    [Fact]
    public void CheckBackfill_VersionNoLongerCurrentOrDeleted_IsSuperseded()
    {
        var set = Set(Segment("viewers", "views(7d) > 0", version: 3));

        Assert.Equal(SegmentBackfillNeed.Superseded, Check(set, "viewers", 2, Viewer(), [], null));
        Assert.Equal(SegmentBackfillNeed.Superseded, Check(set, "deleted", 1, Viewer(), [], null));
        Assert.Throws<InvalidOperationException>(() => Check(set, "viewers", 4, Viewer(), [], null));
    }

    private static SegmentBackfillNeed Check(
        SegmentDefinitionSet set, string segmentId, int version, CustomerProfile? profile, Dictionary<string, SegmentMembershipEntry> stored, DateTimeOffset? reminderAt) =>
        SegmentMembershipEvaluator.CheckBackfill(set, segmentId, version, profile, new SegmentEvaluationContext(AsOf), stored, reminderAt);

    /// <summary>A customer who viewed a product at <see cref="T0"/> and did nothing else.</summary>
    private static CustomerProfile Viewer()
    {
        var profile = new CustomerProfile();
        profile.Apply(Track("user-1", null, "Product Viewed", T0));
        return profile;
    }

    private static SegmentDefinitionSet Set(params ActiveSegment[] segments) => new(1, segments);

    private static ActiveSegment Segment(string id, string rule, int version = 1) =>
        new(id, id, version, 1, SegmentRuleCompiler.Compile(rule));
}
