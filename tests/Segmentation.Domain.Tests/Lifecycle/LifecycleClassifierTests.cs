using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;
using Segmentation.Domain.Tests.Support;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Lifecycle;

public class LifecycleClassifierTests
{
    [Fact]
    public void Assess_FirstVisitYesterday_IsNewUntilInactiveFor30Days()
    {
        // Arrange
        var profile = ProfileAssert.Build([Page(T0)]);

        // Act
        var assessment = LifecycleClassifier.Assess(profile, T0.AddDays(1));

        // Assert
        Assert.Equal(new LifecycleAssessment(LifecycleStage.New, false, T0.AddDays(1), T0.AddDays(30)), assessment);
    }

    [Fact]
    public void Assess_StageOverTime_NewThenAtRiskThenLapsed()
    {
        // Arrange
        var profile = ProfileAssert.Build([Page(T0)]);

        // Act
        var stages = new[] { 0, 29, 30, 59, 60, 365 }
            .Select(days => LifecycleClassifier.Classify(profile, T0.AddDays(days)))
            .ToList();

        // Assert: 30 days without activity is at risk, 60 days is lapsed (boundaries included).
        Assert.Equal(
            [LifecycleStage.New, LifecycleStage.New, LifecycleStage.AtRisk, LifecycleStage.AtRisk, LifecycleStage.Lapsed, LifecycleStage.Lapsed],
            stages);
        Assert.Equal(T0.AddDays(60), LifecycleClassifier.Assess(profile, T0.AddDays(30)).NextChangeAt);
        Assert.Null(LifecycleClassifier.Assess(profile, T0.AddDays(60)).NextChangeAt);
    }

    [Fact]
    public void Assess_ReturningVisitorAfterNewPeriod_IsActiveUntilAtRisk()
    {
        // Arrange
        var profile = ProfileAssert.Build([Page(T0), Page(T0.AddDays(40))]);

        // Act
        var assessment = LifecycleClassifier.Assess(profile, T0.AddDays(41));

        // Assert
        Assert.Equal(new LifecycleAssessment(LifecycleStage.Active, false, T0.AddDays(41), T0.AddDays(70)), assessment);
    }

    [Fact]
    public void Assess_NewCustomerWithSecondOrder_IsActiveAndChangesWhenInactive()
    {
        // Arrange
        var profile = ProfileAssert.Build(
        [
            Track("Order Completed", T0, """{"order_id":"o1","revenue":10}"""),
            Track("Order Completed", T0.AddDays(2), """{"order_id":"o2","revenue":10}"""),
        ]);

        // Act
        var assessment = LifecycleClassifier.Assess(profile, T0.AddDays(3));

        // Assert
        Assert.Equal(LifecycleStage.Active, assessment.Stage);
        Assert.Equal(T0.AddDays(32), assessment.NextChangeAt);
    }

    [Fact]
    public void Assess_RevenueAboveThreshold_IsVipUntilInactivityTakesOver()
    {
        // Arrange
        var profile = ProfileAssert.Build([Track("Order Completed", T0, """{"order_id":"o1","revenue":1000}""")]);

        // Act
        var recent = LifecycleClassifier.Assess(profile, T0.AddDays(1));
        var lapsed = LifecycleClassifier.Assess(profile, T0.AddDays(61));

        // Assert
        Assert.Equal(new LifecycleAssessment(LifecycleStage.Vip, true, T0.AddDays(1), T0.AddDays(30)), recent);
        Assert.Equal(new LifecycleAssessment(LifecycleStage.Lapsed, true, T0.AddDays(61), null), lapsed);
    }

    [Fact]
    public void Assess_ChampionsCell_IsVipUnlessDisabled()
    {
        // Arrange
        var profile = ProfileAssert.Build([Track("Order Completed", T0, """{"order_id":"o1","revenue":5}""")]);
        var noChampions = LifecycleOptions.Default with { ChampionsAreVip = false };

        // Act
        var withCell = LifecycleClassifier.Classify(profile, T0.AddDays(1), rfmCell: RfmCell.Champions);
        var disabled = LifecycleClassifier.Classify(profile, T0.AddDays(1), noChampions, RfmCell.Champions);

        // Assert
        Assert.Equal(LifecycleStage.Vip, withCell);
        Assert.Equal(LifecycleStage.New, disabled);
    }

    [Fact]
    public void Classify_EmptyProfile_IsNew()
    {
        // Act
        var stage = LifecycleClassifier.Classify(new CustomerProfile(), T0);

        // Assert
        Assert.Equal(LifecycleStage.New, stage);
    }

    [Fact]
    public void Assess_CustomOptions_UsesThem()
    {
        // Arrange
        var profile = ProfileAssert.Build([Page(T0)]);
        var options = new LifecycleOptions { AtRiskAfter = TimeSpan.FromDays(7), LapsedAfter = TimeSpan.FromDays(14), NewCustomerPeriod = TimeSpan.FromDays(3) };

        // Act
        var stages = new[] { 2, 3, 7, 14 }.Select(d => LifecycleClassifier.Classify(profile, T0.AddDays(d), options)).ToList();

        // Assert
        Assert.Equal([LifecycleStage.New, LifecycleStage.Active, LifecycleStage.AtRisk, LifecycleStage.Lapsed], stages);
    }

    [Fact]
    public void ChangeCandidates_ActiveCustomer_AreTheThresholdsInOrder()
    {
        // Arrange: first seen at T0, last active 10 days later.
        var profile = ProfileAssert.Build([Page(T0), Page(T0.AddDays(10))]);
        var options = new LifecycleOptions { AtRiskAfter = TimeSpan.FromDays(7), LapsedAfter = TimeSpan.FromDays(14), NewCustomerPeriod = TimeSpan.FromDays(3) };
        var candidates = new DateTimeOffset[3];

        // Act
        var count = LifecycleClassifier.ChangeCandidates(profile, options, candidates);

        // Assert: the end of the new-customer period, then at risk and lapsed after the last activity.
        Assert.Equal([T0.AddDays(3), T0.AddDays(17), T0.AddDays(24)], candidates[..count]);
        Assert.Equal(0, LifecycleClassifier.ChangeCandidates(new CustomerProfile(), options, candidates));
    }
}
