using Segmentation.Domain.Profiles;
using Segmentation.Segments.Catalog;
using Segmentation.Segments.Evaluation;
using static Segmentation.Segments.Tests.Support.Messages;

namespace Segmentation.Segments.Tests.Evaluation;

public class SegmentInputsTests
{
    public static TheoryData<string, ProfileParts> RulesAndInputs => new()
    {
        { "orders_count(30d) > 3 and avg_order_value > 100", ProfileParts.Orders },
        { "email_clicked within 7d or lifecycle = \"vip\"", ProfileParts.EmailEngagement | ProfileParts.Activity | ProfileParts.FirstSeen | ProfileParts.Orders },
        { "not cart.empty and cart.updated_at before 1h", ProfileParts.Cart },
        { "traits.plan = \"gold\" and email exists", ProfileParts.Traits },
        { "country = \"FR\" or timezone starts_with \"Europe\"", ProfileParts.Traits | ProfileParts.Context },
        { "can_email", ProfileParts.Consent | ProfileParts.Traits },
        { "email_consent = \"subscribed\" and not email_suppressed", ProfileParts.Consent },
        { "user_id exists", ProfileParts.Identity },
        { "rfm.cell = \"Champions\" or rfm.m >= 4", ProfileParts.Orders },
        { "views(7d) >= 2 and cart_adds(1d) = 0", ProfileParts.ProductViews | ProfileParts.CartAdds },
        { "last_activity_at before 60d", ProfileParts.Activity },
        { "first_seen_at within 30d", ProfileParts.FirstSeen },
        { "count(\"Product Viewed\" where category = \"shoes\", 14d) >= 2", ProfileParts.NamedEvents },
        { "in_segment(\"vip\")", ProfileParts.None },
    };

    [Theory]
    [MemberData(nameof(RulesAndInputs))]
    public void Inputs_Rule_AreThePartsItsOperandsRead(string rule, ProfileParts expected)
    {
        // Act
        var compiled = SegmentRuleCompiler.Compile(rule);

        // Assert
        Assert.Equal(expected, compiled.Inputs);
    }

    [Fact]
    public void EventNames_CountsAndSums_AreTheNamesTheyRead()
    {
        // Act
        var compiled = SegmentRuleCompiler.Compile(
            "count(\"Product Viewed\" where category = \"shoes\", 14d) >= 2 or sum(\"Order Completed\", revenue, 30d) > 50 or count(\"Wishlist Added\") > 0");

        // Assert
        Assert.Equal(["Order Completed", "Product Viewed", "Wishlist Added"], compiled.EventNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Inputs_EveryCatalogEntryButInSegment_ReadsSomePart()
    {
        // Act + Assert: a new attribute cannot be added without saying what it reads.
        foreach (var definition in AttributeCatalog.All)
        {
            Assert.True((definition.Inputs == ProfileParts.None) == (definition.Kind == AttributeKind.SegmentMembership), definition.Name);
        }
    }

    [Fact]
    public void MarkAffected_InSegment_AddsTheInputsOfTheNamedSegmentsTransitively()
    {
        // Arrange: viewers <- engaged-viewers <- lost-viewers; wishlisters <- wish-fans; consent alone.
        var set = Set(
            ("viewers", "views(2d) > 0"),
            ("wishlisters", "count(\"Wishlist Added\", 7d) > 0"),
            ("engaged-viewers", "in_segment(\"viewers\") and email_opened within 7d"),
            ("lost-viewers", "not in_segment(\"engaged-viewers\")"),
            ("wish-fans", "in_segment(\"wishlisters\")"),
            ("subscribers", "email_consent = \"subscribed\""));

        // Act + Assert
        Assert.Equal([true, false, true, true, false, false], Affected(set, SegmentInputChange.Of(Track("Product Viewed", T0))));
        Assert.Equal([false, false, true, true, false, false], Affected(set, SegmentInputChange.Of(Track("Email Opened", T0))));
        Assert.Equal([false, true, false, false, true, false], Affected(set, SegmentInputChange.Of(Track("Wishlist Added", T0))));
        Assert.Equal([false, false, false, false, false, true], Affected(set, SegmentInputChange.Of(Identify(T0, """{"plan":"gold"}"""))));
        Assert.Equal([false, false, false, false, false, false], Affected(set, SegmentInputChange.Of(Page(T0))));
        Assert.Equal([true, true, true, true, true, true], Affected(set, SegmentInputChange.Everything));
    }

    [Fact]
    public void MarkAffected_RuleNamingASegmentOutsideTheSet_IsAlwaysAffected()
    {
        // Arrange: "buyers" is read from the context's memberships, which may change at any time.
        var set = Set(("buyer-viewers", "in_segment(\"buyers\") and views(7d) > 0"), ("carts", "not cart.empty"));

        // Act + Assert
        Assert.Equal([true, false], Affected(set, SegmentInputChange.Of(Page(T0))));
    }

    private static CompiledSegmentSet Set(params (string Id, string Rule)[] segments) =>
        new([.. segments.Select(static s => KeyValuePair.Create(s.Id, SegmentRuleCompiler.Compile(s.Rule)))]);

    private static bool[] Affected(CompiledSegmentSet set, SegmentInputChange change)
    {
        var affected = new bool[set.Count];
        set.MarkAffected(change, affected);
        return affected;
    }
}
