using Segmentation.Domain.Profiles;
using Segmentation.Grains.Segments;
using Segmentation.Segments.Evaluation;
using static Segmentation.Grains.Tests.CustomerSilo;

namespace Segmentation.Grains.Tests.Segments.Engine;

public sealed class SegmentMembershipEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Evaluate_StoredMembershipsOfEveryKind_EntersLeavesUpdatesAndDrops()
    {
        // Arrange: an empty cart, so "cart.empty" is true and "not cart.empty" false.
        var profile = new CustomerProfile();
        profile.Apply(Track("user-1", null, "Product Viewed", T0));
        var set = new SegmentDefinitionSet(1,
        [
            Segment("older-version", "cart.empty", version: 2, firstVersion: 1),
            Segment("current", "not cart.empty", version: 1, firstVersion: 1),
            Segment("recreated", "cart.empty", version: 3, firstVersion: 3),
            Segment("recreated-false", "not cart.empty", version: 3, firstVersion: 3),
            Segment("new-member", "cart.empty", version: 1, firstVersion: 1),
            Segment("never", "not cart.empty", version: 1, firstVersion: 1),
        ]);
        var memberships = new Dictionary<string, SegmentMembershipEntry>(StringComparer.Ordinal)
        {
            ["older-version"] = new(1, T0.AddDays(-3)),
            ["current"] = new(1, T0.AddDays(-2)),
            ["recreated"] = new(2, T0.AddDays(-1)),
            ["recreated-false"] = new(2, T0.AddDays(-1)),
            ["deleted"] = new(1, T0.AddDays(-1)),
        };
        var changes = new List<SegmentMembershipChange>();
        var asOf = T0.AddHours(1);

        // Act
        var next = SegmentMembershipEvaluator.Evaluate(set, profile, new SegmentEvaluationContext(asOf), memberships, changes);

        // Assert: in the set's order; a membership of an older version is kept, one of a deleted segment is not.
        Assert.Null(next);
        Assert.Equal(
            [("current", false), ("new-member", true), ("recreated", true)],
            changes.Select(static c => (c.Segment.Id, c.Entered)));
        Assert.Equal(
            [("new-member", new SegmentMembershipEntry(1, asOf)), ("older-version", new SegmentMembershipEntry(2, T0.AddDays(-3))), ("recreated", new SegmentMembershipEntry(3, asOf))],
            memberships.Select(static m => (m.Key, m.Value)).OrderBy(static m => m.Key, StringComparer.Ordinal));
    }

    private static ActiveSegment Segment(string id, string rule, int version, int firstVersion) =>
        new(id, id, version, firstVersion, SegmentRuleCompiler.Compile(rule));
}
