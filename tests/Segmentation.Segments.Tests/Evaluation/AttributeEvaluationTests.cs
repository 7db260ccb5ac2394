using Segmentation.Domain.Rfm;
using Segmentation.Segments.Evaluation;
using static Segmentation.Segments.Tests.Support.Messages;
using static Segmentation.Segments.Tests.Support.Profiles;

namespace Segmentation.Segments.Tests.Evaluation;

public class AttributeEvaluationTests
{
    private static readonly DateTimeOffset Now = T0.AddDays(40);

    [Theory]
    [InlineData("email contains \"@EXAMPLE.com\"", true)]
    [InlineData("email = \"JO@example.com\"", true)]
    [InlineData("email != \"jo@example.com\"", false)]
    [InlineData("first_name starts_with \"j\" and last_name missing", true)]
    [InlineData("last_name = \"x\" or last_name != \"x\"", false)]
    [InlineData("country in (\"DE\", \"fr\")", true)]
    [InlineData("timezone = \"Europe/Paris\"", true)]
    [InlineData("user_id = \"user-1\"", true)]
    [InlineData("traits.plan = \"Gold\" and traits.plan != \"vip\"", true)]
    [InlineData("traits.age > 30 and traits.age <= 41 and traits.age in (41, 42)", true)]
    [InlineData("traits.zip = 75001 and traits.zip = \"75001\"", true)]
    [InlineData("traits.newsletter = true and traits.beta = false", true)]
    [InlineData("traits.address.city = \"paris\" and traits.address.zip missing", true)]
    [InlineData("traits.nickname = \"x\" or traits.nickname != \"x\"", false)]
    [InlineData("traits.nickname missing and traits.plan exists", true)]
    [InlineData("traits.signed_up_at within 7d and not traits.signed_up_at before 3d", true)]
    [InlineData("traits.plan > 3", false)]
    public void Evaluate_TraitConditions_CompareAsTheValueType(string rule, bool expected)
    {
        // Arrange
        var profile = Build(Identify(
            Now.AddDays(-1),
            """{"email":"jo@example.com","first_name":"Jo","country":"FR","timezone":"Europe/Paris","plan":"gold","age":"41","zip":75001,"newsletter":"true","beta":false,"address":{"city":"Paris"},"signed_up_at":"2025-04-08T00:00:00Z"}"""));

        // Act
        var member = Evaluate(rule, profile, Now);

        // Assert
        Assert.Equal(expected, member);
    }

    [Theory]
    [InlineData("email_consent = \"subscribed\" and can_email and not email_suppressed", true)]
    [InlineData("email_consent in (\"unknown\", \"unsubscribed\")", false)]
    public void Evaluate_Consent_ReadsConsentAndSuppression(string rule, bool expected)
    {
        // Arrange
        var profile = Build(Identify(Now.AddDays(-1), """{"email":"jo@example.com","email_consent":"subscribed"}"""));

        // Act
        var member = Evaluate(rule, profile, Now);

        // Assert
        Assert.Equal(expected, member);
    }

    [Fact]
    public void Evaluate_HardBounce_SuppressesEmail()
    {
        // Arrange
        var profile = Build(
            Identify(Now.AddDays(-2), """{"email":"jo@example.com","email_consent":"subscribed"}"""),
            Track("Email Bounced", Now.AddDays(-1), """{"bounce_type":"hard"}"""));

        // Act
        var member = Evaluate("email_suppressed and not can_email and email_consent = \"subscribed\"", profile, Now);

        // Assert
        Assert.True(member);
    }

    [Theory]
    [InlineData("rfm.r = 5 and rfm.f = 3 and rfm.m = 3", true)]
    [InlineData("rfm.cell = \"potential loyalists\"", true)]
    [InlineData("rfm.cell in (\"Champions\", \"Loyal\")", false)]
    [InlineData("rfm.cell exists", true)]
    public void Evaluate_RfmWithFixedThresholds_ScoresTheCustomer(string rule, bool expected)
    {
        // Arrange: 3 orders totalling 300, the last 10 days ago: R5 (<= 30 days), F3 (>= 3 orders), M3 (>= 250).
        var profile = Build(
            Track("Order Completed", Now.AddDays(-50), """{"order_id":"o1","revenue":100}"""),
            Track("Order Completed", Now.AddDays(-30), """{"order_id":"o2","revenue":100}"""),
            Track("Order Completed", Now.AddDays(-10), """{"order_id":"o3","revenue":100}"""));
        var context = new SegmentEvaluationContext(Now) { RfmCutPoints = RfmCutPoints.Fixed(new RfmOptions()) };

        // Act
        var member = SegmentRuleCompiler.Compile(rule).Evaluate(profile, context);

        // Assert
        Assert.Equal(expected, member);
    }

    [Fact]
    public void Evaluate_RfmWithoutCutPoints_IsMissing()
    {
        // Arrange
        var profile = Build(Track("Order Completed", Now.AddDays(-10), """{"order_id":"o1","revenue":100}"""));

        // Act
        var member = Evaluate("rfm.r missing and rfm.cell missing and not rfm.r >= 1", profile, Now);

        // Assert
        Assert.True(member);
    }

    [Theory]
    [InlineData(5, "lifecycle = \"new\"")]
    [InlineData(35, "lifecycle = \"at_risk\"")]
    [InlineData(61, "lifecycle = \"Lapsed\"")]
    public void Evaluate_Lifecycle_FollowsInactivity(int daysLater, string rule)
    {
        // Arrange
        var profile = Build(Page(T0));

        // Act
        var member = Evaluate(rule, profile, T0.AddDays(daysLater));

        // Assert
        Assert.True(member);
    }
}
