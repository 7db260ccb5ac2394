using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;
using Segmentation.Segments.Evaluation;
using static Segmentation.Segments.Tests.Support.Messages;
using static Segmentation.Segments.Tests.Support.Profiles;

namespace Segmentation.Segments.Tests.Evaluation;

public class EvaluationTests
{
    private const string IssueExample =
        "orders_count(30d) > 3 and avg_order_value > 100 and (email_clicked within 7d or lifecycle = \"vip\") and not cart.empty";

    private static readonly DateTimeOffset Now = T0.AddDays(40);

    private static CustomerProfile HighValueShopper(decimal orderValue, bool clicked, bool cartFilled)
    {
        var messages = new List<Segmentation.Tracking.TrackingMessage>();
        for (var i = 0; i < 4; i++)
        {
            messages.Add(Track("Order Completed", Now.AddDays(-20 + i), $$"""{"order_id":"o{{i}}","revenue":{{orderValue}}}"""));
        }

        if (clicked)
        {
            messages.Add(Track("Email Link Clicked", Now.AddDays(-2)));
        }

        if (cartFilled)
        {
            messages.Add(Track("Product Added", Now.AddHours(-1), """{"product_id":"p1","price":30}"""));
        }

        return Build([.. messages]);
    }

    [Theory]
    [InlineData(150, true, true, true)]
    [InlineData(150, false, true, false)]
    [InlineData(300, false, true, true)]
    [InlineData(150, true, false, false)]
    [InlineData(90, true, true, false)]
    public void Evaluate_IssueExample_FollowsEachCondition(int orderValue, bool clicked, bool cartFilled, bool expected)
    {
        // Arrange: four orders in 30 days; at 300 each the revenue (1200) makes a VIP.
        var profile = HighValueShopper(orderValue, clicked, cartFilled);

        // Act
        var member = Evaluate(IssueExample, profile, Now);

        // Assert
        Assert.Equal(expected, member);
    }

    [Fact]
    public void Evaluate_FilteredCount_CountsOnlyMatchingEventsInWindow()
    {
        // Arrange
        var profile = Build(
            Track("Product Viewed", Now.AddDays(-15), """{"category":"shoes"}"""),
            Track("Product Viewed", Now.AddDays(-10), """{"category":"Shoes"}"""),
            Track("Product Viewed", Now.AddDays(-5), """{"category":"hats"}"""),
            Track("Product Viewed", Now.AddDays(-1), """{"category":"shoes","price":"80"}"""));

        // Act
        var twoShoes = Evaluate("count(\"Product Viewed\" where category = \"shoes\", 14d) >= 2", profile, Now);
        var threeShoes = Evaluate("count(\"Product Viewed\" where category = \"shoes\", 14d) >= 3", profile, Now);
        var priced = Evaluate("count(\"Product Viewed\" where category in (\"shoes\", \"bags\") and price > 50, 14d) = 1", profile, Now);
        var notHats = Evaluate("count(\"Product Viewed\" where not category = \"hats\", 90d) = 3", profile, Now);
        var lifetime = Evaluate("count(\"Product Viewed\") = 4 and count(\"Wishlist Added\") = 0", profile, Now);

        // Assert
        Assert.True(twoShoes);
        Assert.False(threeShoes);
        Assert.True(priced);
        Assert.True(notHats);
        Assert.True(lifetime);
    }

    [Fact]
    public void Evaluate_SumOfProperty_AddsNumericValuesOfMatchingEvents()
    {
        // Arrange
        var profile = Build(
            Track("Order Completed", Now.AddDays(-40), """{"order_id":"o1","revenue":500,"currency":"USD"}"""),
            Track("Order Completed", Now.AddDays(-20), """{"order_id":"o2","revenue":120.5,"currency":"USD"}"""),
            Track("Order Completed", Now.AddDays(-10), """{"order_id":"o3","revenue":"79.5","currency":"EUR"}"""),
            Track("Order Completed", Now.AddDays(-5), """{"order_id":"o4","revenue":"n/a","currency":"USD"}"""));

        // Act
        var all = Evaluate("sum(\"Order Completed\", revenue, 30d) = 200", profile, Now);
        var dollars = Evaluate("sum(\"Order Completed\" where currency = \"usd\", revenue, 30d) = 120.5", profile, Now);
        var revenue = Evaluate("revenue(30d) = 200 and orders_count(30d) = 3", profile, Now);

        // Assert
        Assert.True(all);
        Assert.True(dollars);
        Assert.True(revenue);
    }

    [Fact]
    public void Evaluate_TotalsAndTimestamps_ReadOrderHistory()
    {
        // Arrange
        var profile = Build(
            Track("Order Completed", T0, """{"order_id":"o1","revenue":40}"""),
            Track("Order Completed", T0.AddDays(3), """{"order_id":"o2","revenue":60}"""),
            Track("Order Completed", T0.AddDays(4), """{"order_id":"o3","revenue":999}"""),
            Track("Order Cancelled", T0.AddDays(5), """{"order_id":"o3"}"""));

        // Act
        var member = Evaluate(
            "orders_count = 2 and total_revenue = 100 and avg_order_value = 50 and first_order_at = \"2025-03-01T12:00:00Z\" "
            + "and last_order_at < \"2025-03-05\" and last_order_at >= \"2025-03-04\" and first_seen_at within 6d and last_activity_at exists",
            profile,
            T0.AddDays(5));

        // Assert
        Assert.True(member);
    }

    [Fact]
    public void Evaluate_NoOrders_AverageOrderValueIsMissing()
    {
        // Arrange
        var profile = Build(Page(T0));

        // Act
        var member = Evaluate("avg_order_value missing and not avg_order_value >= 0 and orders_count = 0 and total_revenue = 0", profile, T0);

        // Assert
        Assert.True(member);
    }

    [Fact]
    public void Evaluate_WindowsOfAnySpan_CountInHalfOpenWindow()
    {
        // Arrange
        var profile = Build(
            Track("Product Viewed", Now.AddDays(-14), """{"product_id":"p1"}"""),
            Track("Product Viewed", Now.AddHours(-36), """{"product_id":"p1"}"""),
            Track("Product Added", Now.AddMinutes(-90), """{"product_id":"p1","price":10}"""));

        // Act
        var member = Evaluate(
            "views(14d) = 1 and views(15d) = 2 and views(36h) = 0 and views(37h) = 1 and cart_adds(90m) = 0 and cart_adds(91m) = 1 and cart_adds(1w) = 1",
            profile,
            Now);

        // Assert
        Assert.True(member);
    }

    [Fact]
    public void Evaluate_AbandonedCart_FilledCartUntouchedFor30Minutes()
    {
        // Arrange
        var profile = Build(
            Track("Product Added", Now.AddMinutes(-45), """{"product_id":"p1","price":30,"quantity":2}"""),
            Track("Checkout Started", Now.AddMinutes(-40)));
        const string rule = "not cart.empty and cart.updated_at before 30m and cart.value >= 60 and cart.items = 2 and cart.checkout_started_at exists";

        // Act
        var member = Evaluate(rule, profile, Now);
        var tooSoon = Evaluate(rule, profile, Now.AddMinutes(-11));

        // Assert
        Assert.True(member);
        Assert.False(tooSoon);
    }

    [Fact]
    public void Evaluate_EmailEngagement_ReadsLastOpenAndClickAndCounts()
    {
        // Arrange
        var profile = Build(
            Track("Email Opened", Now.AddDays(-9), id: "a"),
            Track("Email Opened", Now.AddDays(-3), id: "b"),
            Track("Email Link Clicked", Now.AddDays(-8)));

        // Act
        var member = Evaluate("email_opened within 7d and email_clicked before 7d and email_opens_count = 2 and email_clicks_count = 1", profile, Now);

        // Assert
        Assert.True(member);
    }

    [Fact]
    public void Evaluate_InSegment_ReadsTheMembershipSource()
    {
        // Arrange
        var profile = Build(Page(T0));
        var memberships = new SegmentMembershipTable();
        memberships.Set("vip", new SegmentMembership(true, null));
        var rule = SegmentRuleCompiler.Compile("in_segment(\"vip\") and not in_segment(\"lapsed\") and in_segment(\"vip\") = true");

        // Act
        var member = rule.Evaluate(profile, new SegmentEvaluationContext(T0) { Memberships = memberships });
        var withoutSource = rule.Evaluate(profile, new SegmentEvaluationContext(T0));

        // Assert
        Assert.True(member);
        Assert.False(withoutSource);
        Assert.Equal(new[] { "lapsed", "vip" }, rule.ReferencedSegments.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EvaluateAll_SeveralRules_MatchesOneByOneEvaluation()
    {
        // Arrange
        var profile = HighValueShopper(300, clicked: true, cartFilled: true);
        string[] texts = [IssueExample, "lifecycle = \"vip\"", "cart.empty", "rfm.cell = \"Champions\"", "views(7d) > 0"];
        var rules = texts.Select(SegmentRuleCompiler.Compile).ToArray();
        var context = new SegmentEvaluationContext(Now) { RfmCutPoints = RfmCutPoints.Fixed(new RfmOptions()) };
        var results = new bool[rules.Length];

        // Act
        CompiledSegmentRule.EvaluateAll(rules, profile, context, results);

        // Assert
        Assert.Equal(rules.Select(rule => rule.Evaluate(profile, context)), results);
        Assert.Equal(new[] { true, true, false, false, false }, results);
    }
}
