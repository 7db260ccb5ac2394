using Segmentation.Domain.Profiles;
using Segmentation.Domain.Tests.Support;

namespace Segmentation.Domain.Tests.Profiles;

/// <summary>Snapshots written by earlier code (files in <c>Profiles/Snapshots</c>, see <see cref="SnapshotFixtures"/>) still read, exactly.</summary>
public class StoredSnapshotTests
{
    public static TheoryData<string> Names => new(SnapshotFixtures.Profiles.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Deserialize_StoredSnapshot_WritesTheSameBytesAgain(string name)
    {
        // Arrange
        var stored = File.ReadAllBytes(SnapshotFixtures.PathOf(name));

        // Act
        var again = CustomerProfileSerializer.Serialize(CustomerProfileSerializer.Deserialize(stored));

        // Assert
        Assert.Equal(Convert.ToHexString(stored), Convert.ToHexString(again));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Build_SameMessages_EqualsStoredSnapshot(string name)
    {
        // Arrange
        var stored = CustomerProfileSerializer.Deserialize(File.ReadAllBytes(SnapshotFixtures.PathOf(name)));

        // Act
        var built = SnapshotFixtures.Profiles[name]();

        // Assert
        ProfileAssert.SameState(built, stored);
    }

    [Fact]
    public void Deserialize_StoredSnapshot_AnswersQueriesAsTheBuiltProfile()
    {
        // Arrange
        var built = SnapshotFixtures.Profiles["mixed-20-days"]();

        // Act
        var stored = CustomerProfileSerializer.Deserialize(File.ReadAllBytes(SnapshotFixtures.PathOf("mixed-20-days")));

        // Assert
        var asOf = built.LatestEventAt!.Value;
        Assert.Equal(built.GetAllWindowTotals(asOf), stored.GetAllWindowTotals(asOf));
        Assert.Equal(built.NextWindowChange(asOf), stored.NextWindowChange(asOf));
        Assert.Equal(built.GetRecentlyViewedProducts(), stored.GetRecentlyViewedProducts());
        Assert.Equal(built.GetRecentlyViewedCategories(), stored.GetRecentlyViewedCategories());
        Assert.Equal(built.RecentSearches, stored.RecentSearches);
        Assert.Equal(built.GetOrders().Select(o => (o.OrderId, o.NetAmount)), stored.GetOrders().Select(o => (o.OrderId, o.NetAmount)));
        Assert.Equal(built.Cart.Lines, stored.Cart.Lines);
        Assert.Equal(built.GetAllEventStats(), stored.GetAllEventStats());
        Assert.Equal(built.GetCampaignEngagement(), stored.GetCampaignEngagement());
        Assert.Equal(built.GetEventTimeline("Product Viewed").Count, stored.GetEventTimeline("Product Viewed").Count);
        Assert.Equal((built.Email, built.SessionCount, built.TotalRevenue), (stored.Email, stored.SessionCount, stored.TotalRevenue));
    }
}
