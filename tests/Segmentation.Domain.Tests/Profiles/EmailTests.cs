using Segmentation.Domain.Profiles;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Profiles;

public class EmailTests
{
    [Theory]
    [InlineData("""{"email_consent":"subscribed"}""", ConsentStatus.Subscribed, "identify:email_consent")]
    [InlineData("""{"email_consent":false}""", ConsentStatus.Unsubscribed, "identify:email_consent")]
    [InlineData("""{"subscribed":true}""", ConsentStatus.Subscribed, "identify:subscribed")]
    [InlineData("""{"unsubscribed":true}""", ConsentStatus.Unsubscribed, "identify:unsubscribed")]
    [InlineData("""{"accepts_marketing":"yes"}""", ConsentStatus.Subscribed, "identify:accepts_marketing")]
    public void Apply_IdentifyWithConsentTrait_SetsConsent(string traits, ConsentStatus expected, string source)
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Identify(T0, traits));

        // Assert
        Assert.Equal(new EmailConsent(expected, T0, source), profile.EmailConsent);
    }

    [Fact]
    public void Apply_UnsubscribedEventAfterSubscribe_Unsubscribes()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Identify(T0, """{"email":"a@example.com","subscribed":true}"""));
        Assert.True(profile.CanReceiveMarketingEmail);

        // Act
        profile.Apply(Track("Unsubscribed", T0.AddDays(1)));

        // Assert
        Assert.Equal(new EmailConsent(ConsentStatus.Unsubscribed, T0.AddDays(1), "track:Unsubscribed"), profile.EmailConsent);
        Assert.True(profile.Suppression.IsUnsubscribed);
        Assert.False(profile.CanReceiveMarketingEmail);
    }

    [Fact]
    public void Apply_OlderSubscribeArrivingAfterUnsubscribe_StaysUnsubscribed()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Unsubscribed", T0.AddHours(2)));

        // Act
        profile.Apply(Identify(T0, """{"email_consent":"subscribed"}"""));

        // Assert
        Assert.Equal(ConsentStatus.Unsubscribed, profile.EmailConsent.Status);
    }

    [Fact]
    public void Apply_HardAndSoftBouncesAndSpam_SuppressesWithEarliestTimes()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Identify(T0, """{"email":"a@example.com","subscribed":true}"""));

        // Act
        profile.Apply(Track("Email Bounced", T0.AddDays(1), """{"bounce_type":"soft"}"""));
        profile.Apply(Track("Email Bounced", T0.AddDays(3), """{}"""));
        profile.Apply(Track("Email Bounced", T0.AddDays(2), """{"type":"hard"}"""));
        profile.Apply(Track("Email Marked as Spam", T0.AddDays(4)));

        // Assert
        Assert.Equal(new EmailSuppression(false, T0.AddDays(2), 2, 1, T0.AddDays(4), 1), profile.Suppression);
        Assert.True(profile.Suppression.IsSuppressed);
        Assert.False(profile.CanReceiveMarketingEmail);
    }

    [Fact]
    public void Apply_OpensAndClicks_CountsTotalsAndPerCampaign()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Track("Email Opened", T0, """{"campaign_id":"c1"}"""));
        profile.Apply(Track("Email Opened", T0.AddHours(1), """{"campaign_id":"c1"}"""));
        profile.Apply(Track("Email Link Clicked", T0.AddHours(2), """{"campaign_name":"Spring"}"""));
        profile.Apply(Track("Email Opened", T0.AddHours(3), "{}", context: """{"campaign":{"name":"Spring"}}"""));
        profile.Apply(Track("Email Opened", T0.AddHours(4)));

        // Assert
        Assert.Equal(new EmailEngagement(4, 1, T0, T0.AddHours(4), T0.AddHours(2), T0.AddHours(2)), profile.EmailEngagement);
        Assert.Equal(
            [
                new CampaignEngagement("Spring", 1, 1, T0.AddHours(3), T0.AddHours(2)),
                new CampaignEngagement("c1", 2, 0, T0.AddHours(1), null),
            ],
            profile.GetCampaignEngagement());
        Assert.Equal(T0.AddHours(4), profile.LastActivityAt);
        Assert.Equal(0, profile.SessionCount);
    }
}
