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

    [Fact]
    public void Apply_ReimportOfAYearOfHistoryWithinTheRetention_ChangesNothing()
    {
        // Arrange: events a year apart in event time, all received within a minute (a historical import).
        var profile = new CustomerProfile();
        var messages = Enumerable.Range(0, 12)
            .Select(month => Track("Order Completed", T0.AddDays(30 * month), $$"""{"order_id":"o{{month}}","revenue":10}""", id: $"import-{month}")
                with { ReceivedAt = T0.AddDays(400).AddSeconds(month) })
            .ToList();
        messages.ForEach(m => profile.Apply(m));
        var before = CustomerProfileSerializer.Serialize(profile);

        // Act: the same import again, an hour later.
        var outcomes = messages.Select(m => profile.Apply(m with { ReceivedAt = m.ReceivedAt.AddHours(1) })).ToList();

        // Assert
        Assert.All(outcomes, outcome => Assert.Equal(ApplyOutcome.Duplicate, outcome));
        Assert.Equal(before, CustomerProfileSerializer.Serialize(profile));
        Assert.Equal(12, profile.GetEventCount("Order Completed"));
    }
}
