using Segmentation.Domain.Rfm;
using Segmentation.Segments.Evaluation;
using Segmentation.Segments.Tests.Support;
using static Segmentation.Segments.Tests.Support.Messages;

namespace Segmentation.Segments.Tests.Evaluation;

public class NextChangeOracleTests
{
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(2000);

    [Theory]
    [InlineData(11, 300)]
    [InlineData(12, 300)]
    [InlineData(13, 20)]
    [InlineData(14, 20)]
    public void NextChange_RandomRulesAndProfiles_EqualsTheFirstChangeFoundByTryingEveryCandidate(int seed, int events)
    {
        // Arrange: a 60-day stream of every event kind, and random valid rules, mostly on operands that change with time.
        var messages = StreamGenerator.Generate(seed, events, T0, TimeSpan.FromDays(60));
        var profile = Profiles.Build([.. messages]);
        var generator = new RuleGenerator(seed * 7919);
        var context = new SegmentEvaluationContext(profile.LatestEventAt!.Value.AddMinutes(new Random(seed).Next(0, 5000)))
        {
            RfmCutPoints = RfmCutPoints.Fixed(new RfmOptions()),
        };

        var changes = 0;
        for (var i = 0; i < 150; i++)
        {
            var rule = SegmentRuleCompiler.Compile(generator.ValidTimeDependent(depth: 2));

            // Act
            var next = rule.NextChange(profile, context);

            // Assert
            var expected = BruteForceNextChange.Find(rule, profile, context, messages.Select(static m => m.Timestamp), Horizon);
            if (expected is null)
            {
                Assert.True(next is null || next > context.AsOf + Horizon, $"{rule.Text}: {next:O}, expected none");
            }
            else
            {
                changes++;
                Assert.True(expected == next, $"{rule.Text}: {next:O}, expected {expected:O}");
            }
        }

        Assert.True(changes >= 25, $"Only {changes} of 150 rules change by time; the comparison needs more.");
    }
}
