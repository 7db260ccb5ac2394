using Segmentation.Domain.Profiles;
using Segmentation.Tracking;

namespace Segmentation.Domain.Tests.Support;

/// <summary>Helpers to build profiles and compare them by their snapshot bytes.</summary>
internal static class ProfileAssert
{
    public static CustomerProfile Build(IEnumerable<TrackingMessage> messages)
    {
        var profile = new CustomerProfile();
        foreach (var message in messages)
        {
            profile.Apply(message);
        }

        return profile;
    }

    public static CustomerProfile BuildInOrder(IEnumerable<TrackingMessage> messages) => Build(messages
        .OrderBy(m => m.Timestamp.UtcTicks)
        .ThenBy(m => m.MessageId, StringComparer.Ordinal));

    public static void SameState(CustomerProfile expected, CustomerProfile actual)
    {
        var expectedBytes = CustomerProfileSerializer.Serialize(expected);
        var actualBytes = CustomerProfileSerializer.Serialize(actual);
        Assert.Equal(Convert.ToHexString(expectedBytes), Convert.ToHexString(actualBytes));
    }
}
