using Segmentation.Domain.Profiles;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Profiles;

public class BrowsingTests
{
    [Fact]
    public void Apply_ProductViews_CountsPerProductWithLatestDetails()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Track("Product Viewed", T0, """{"product_id":"p1","name":"Old","category":"shoes","price":10}"""));
        profile.Apply(Track("Product Viewed", T0.AddMinutes(1), """{"product_id":"p2","category":"hats"}"""));
        profile.Apply(Track("Product Viewed", T0.AddMinutes(2), """{"product_id":"p1","name":"New","category":"shoes","price":12,"image_url":"i"}"""));
        profile.Apply(Track("Product List Viewed", T0.AddMinutes(3), """{"category":"bags"}"""));

        // Assert
        Assert.Equal(
            [
                new ViewedProduct("p1", "New", "shoes", 12m, "i", null, 2, T0.AddMinutes(2)),
                new ViewedProduct("p2", null, "hats", null, null, null, 1, T0.AddMinutes(1)),
            ],
            profile.GetRecentlyViewedProducts());
        Assert.Equal(
            [
                new ViewedCategory("bags", 1, T0.AddMinutes(3)),
                new ViewedCategory("shoes", 2, T0.AddMinutes(2)),
                new ViewedCategory("hats", 1, T0.AddMinutes(1)),
            ],
            profile.GetRecentlyViewedCategories());
        Assert.Equal(2, profile.GetProductViewCount("p1"));
    }

    [Fact]
    public void Apply_ViewsOlderThanRetention_AreDroppedFromCounts()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Product Viewed", T0, """{"product_id":"p1","category":"shoes"}"""));
        profile.Apply(Track("Product Viewed", T0.AddDays(1), """{"product_id":"p1","category":"shoes"}"""));

        // Act: the latest event is exactly 90 days after the first view.
        profile.Apply(Page(T0.AddDays(90)));

        // Assert
        Assert.Equal(1, profile.GetProductViewCount("p1"));
        Assert.Equal(new ViewedCategory("shoes", 1, T0.AddDays(1)), Assert.Single(profile.GetRecentlyViewedCategories()));
    }

    [Fact]
    public void Apply_SixtySearches_KeepsTheFiftyMostRecentNewestFirst()
    {
        // Arrange
        var profile = new CustomerProfile();
        var order = Enumerable.Range(0, 60).OrderBy(i => (i * 37) % 60).ToList();

        // Act
        foreach (var i in order)
        {
            profile.Apply(Track("Products Searched", T0.AddMinutes(i), $$"""{"query":"q{{i}}"}"""));
        }

        // Assert
        var searches = profile.RecentSearches;
        Assert.Equal(50, searches.Count);
        Assert.Equal(new SearchRecord("q59", T0.AddMinutes(59)), searches[0]);
        Assert.Equal(new SearchRecord("q10", T0.AddMinutes(10)), searches[^1]);
        Assert.Equal(60, profile.GetEventCount("Products Searched"));
    }

    [Fact]
    public void Apply_TimeOnPageInPropertiesAndContext_SumsMilliseconds()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Page(T0, """{"time_on_page":12.5}"""));
        profile.Apply(Track("Product Viewed", T0.AddMinutes(1), """{"product_id":"p1","time_on_page":"3"}"""));
        profile.Apply(Page(T0.AddMinutes(2), context: """{"page":{"time_on_page_ms":250}}"""));
        profile.Apply(Page(T0.AddMinutes(3)));

        // Assert
        Assert.Equal(TimeSpan.FromMilliseconds(15_750), profile.TotalTimeOnPage);
        Assert.Equal(3, profile.TimeOnPageSamples);
    }

    [Fact]
    public void Apply_GapOfExactlyThirtyMinutes_StartsNewSession()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Page(T0));
        profile.Apply(Page(T0.AddMinutes(29)));
        profile.Apply(Page(T0.AddMinutes(59)));
        profile.Apply(Track("Email Opened", T0.AddMinutes(200)));

        // Assert: 29 min apart is one session, the next gap of 30 min starts a second; email is not a visit.
        Assert.Equal(2, profile.SessionCount);
        Assert.Equal(T0.AddMinutes(59), profile.LastSiteActivityAt);
        Assert.Equal(T0.AddMinutes(200), profile.LastActivityAt);
    }

    [Fact]
    public void Apply_LateEventBridgingTwoSessions_MergesThem()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Page(T0));
        profile.Apply(Page(T0.AddMinutes(40)));
        Assert.Equal(2, profile.SessionCount);

        // Act
        profile.Apply(Page(T0.AddMinutes(20)));

        // Assert
        Assert.Equal(1, profile.SessionCount);
    }

    [Fact]
    public void Apply_BackOfficeEvents_AreNotSiteActivity()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Track("Order Refunded", T0, """{"order_id":"o1"}"""));
        profile.Apply(Identify(T0.AddMinutes(1), """{"plan":"x"}"""));

        // Assert
        Assert.Equal(0, profile.SessionCount);
        Assert.Null(profile.LastActivityAt);
        Assert.Equal(T0, profile.FirstSeenAt);
    }

    [Fact]
    public void Apply_CustomAndAliasedEventNames_CountedAsSent()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Track("Wishlist Added", T0));
        profile.Apply(Track("Wishlist Added", T0.AddHours(1)));
        profile.Apply(Track("add_to_cart", T0.AddHours(2), """{"product_id":"p1"}"""));

        // Assert
        Assert.Equal(new EventStats("Wishlist Added", 2, T0, T0.AddHours(1)), profile.GetEventStats("Wishlist Added"));
        Assert.Equal(1, profile.GetEventCount("add_to_cart"));
        Assert.Single(profile.Cart.Lines);
        Assert.Equal(["Wishlist Added", "add_to_cart"], profile.GetAllEventStats().Select(s => s.Name));
    }
}
