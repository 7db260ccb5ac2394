using Segmentation.Domain.Profiles;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Profiles;

public class DedupeTests
{
    [Fact]
    public void Apply_SameMessageIdTwice_SecondIsDuplicateAndChangesNothing()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Product Added", T0, """{"product_id":"p1"}""", id: "m1"));
        var before = CustomerProfileSerializer.Serialize(profile);

        // Act
        var outcome = profile.Apply(Track("Product Added", T0, """{"product_id":"p1"}""", id: "m1"));

        // Assert
        Assert.Equal(ApplyOutcome.Duplicate, outcome);
        Assert.Equal(before, CustomerProfileSerializer.Serialize(profile));
    }

    [Fact]
    public void Apply_DuplicateWithin48Hours_IsRecognized()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Product Viewed", T0, id: "m1"));
        profile.Apply(Page(T0.AddHours(47)));

        // Act
        var outcome = profile.Apply(Track("Product Viewed", T0, id: "m1"));

        // Assert
        Assert.Equal(ApplyOutcome.Duplicate, outcome);
        Assert.Equal(1, profile.GetEventCount("Product Viewed"));
    }

    [Fact]
    public void Apply_DuplicateOlderThan48Hours_IsNoLongerRemembered()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Product Viewed", T0, id: "m1"));
        profile.Apply(Page(T0.AddHours(48)));

        // Act
        var outcome = profile.Apply(Track("Product Viewed", T0, id: "m1"));

        // Assert
        Assert.NotEqual(ApplyOutcome.Duplicate, outcome);
        Assert.Equal(2, profile.GetEventCount("Product Viewed"));
    }
}
