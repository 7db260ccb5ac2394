using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;
using Segmentation.Domain.Tests.Support;
using Segmentation.Domain.Views;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Views;

public class CustomerProfileViewBuilderTests
{
    [Fact]
    public void Build_ProfileWithActivity_FillsEverySection()
    {
        // Arrange
        var profile = ProfileAssert.Build(
        [
            Identify(T0, """{"email":"ada@example.com","first_name":"Ada","email_consent":"subscribed","vip_note":"x"}""", anonymousId: "anon-1"),
            Page(T0.AddMinutes(1)),
            Track("Product Viewed", T0.AddMinutes(2), """{"product_id":"p1","category":"shoes","price":20}"""),
            Track("Products Searched", T0.AddMinutes(3), """{"query":"red shoes"}"""),
            Track("Product Added", T0.AddMinutes(4), """{"product_id":"p1","price":20}"""),
            Track("Order Completed", T0.AddMinutes(5), """{"order_id":"o1","revenue":20}"""),
            Track("Email Opened", T0.AddHours(2), """{"campaign_id":"c1"}"""),
        ]);
        var asOf = T0.AddDays(1);
        var others = Enumerable.Range(1, 5).Select(i => new RfmInput(new DateOnly(2024, 1, i), 1, 100));
        var population = RfmPopulation.FromInputs(others.Append(profile.GetRfmInput()!.Value));

        // Act
        var view = CustomerProfileViewBuilder.Build(profile, asOf, population.ComputeQuintileCutPoints(asOf));

        // Assert
        Assert.Equal(asOf, view.AsOf);
        Assert.Equal(new ProfileIdentityView("user-1", ["anon-1"], T0, T0.AddHours(2), T0.AddHours(2)) with { AnonymousIds = view.Identity.AnonymousIds }, view.Identity);
        Assert.Equal(["anon-1"], view.Identity.AnonymousIds);
        Assert.Equal(("ada@example.com", "Ada"), (view.Traits.Email, view.Traits.FirstName));
        Assert.Equal(["email_consent", "vip_note"], view.Traits.Custom.Keys);
        Assert.True(view.Email.CanReceiveMarketingEmail);
        Assert.Equal(1, view.Email.Engagement.Opens);
        Assert.True(view.Cart.IsEmpty);
        Assert.Equal("p1", Assert.Single(view.Browsing.RecentProducts).ProductKey);
        Assert.Equal("red shoes", Assert.Single(view.Browsing.RecentSearches).Query);
        Assert.Equal(1, view.Browsing.SessionCount);
        Assert.Equal((1, 20m), (view.Purchases.OrderCount, view.Purchases.TotalRevenue));
        Assert.Equal(4, view.Windows.Count);
        Assert.Equal(1, view.Windows[1].Orders);
        Assert.Equal(T0.AddDays(1).AddMinutes(2), view.NextWindowChangeAt);
        Assert.NotNull(view.Rfm);
        Assert.Equal(("New", 1), (view.Rfm.CellName, view.Rfm.RecencyDays));
        Assert.Equal(LifecycleStage.New, view.Lifecycle.Stage);
        Assert.Contains(view.Events, e => e.Name == "Order Completed" && e.Count == 1);
    }

    [Fact]
    public void Build_NoOrdersOrNoCutPoints_HasNoRfm()
    {
        // Arrange
        var profile = ProfileAssert.Build([Page(T0)]);

        // Act
        var view = CustomerProfileViewBuilder.Build(profile, T0, RfmCutPoints.Fixed(RfmOptions.Default));

        // Assert
        Assert.Null(view.Rfm);
        Assert.Equal(EmailConsent.Unknown, view.Email.Consent);
    }
}
