using Segmentation.Domain.Rfm;
using Segmentation.Segments.Evaluation;
using Segmentation.Segments.Tests.Support;
using static Segmentation.Segments.Tests.Support.Messages;

namespace Segmentation.Segments.Tests.Evaluation;

public class NextChangePropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void NextChange_RandomRulesAndProfiles_IsExactlyTheFirstFlip(int seed)
    {
        // Arrange: a 60-day stream of every event kind, and 400 random valid rules, mostly on operands that change with time.
        var profile = Profiles.Build([.. StreamGenerator.Generate(seed, 300, T0, TimeSpan.FromDays(60))]);
        var random = new Random(seed);
        var generator = new RuleGenerator(seed * 7919);
        var context = new SegmentEvaluationContext(profile.LatestEventAt!.Value.AddMinutes(random.Next(0, 5000)))
        {
            RfmCutPoints = RfmCutPoints.Fixed(new RfmOptions()),
        };

        var changes = 0;
        for (var i = 0; i < 400; i++)
        {
            var rule = SegmentRuleCompiler.Compile(generator.ValidTimeDependent(depth: 2));
            var now = rule.Evaluate(profile, context);

            // Act
            var next = rule.NextChange(profile, context);

            // Assert: the result holds until the change (sampled), one tick before included, and flips at it.
            var until = next ?? context.AsOf.AddDays(2000);
            Assert.True(until > context.AsOf, rule.Text);
            for (var sample = 0; sample < 25; sample++)
            {
                var at = context.AsOf.AddTicks((long)(random.NextDouble() * (until - context.AsOf).Ticks));
                Assert.True(now == rule.Evaluate(profile, context with { AsOf = at }), $"{rule.Text} changed at {at:O} before {next:O}");
            }

            if (next is { } instant)
            {
                changes++;
                Assert.True(now == rule.Evaluate(profile, context with { AsOf = instant.AddTicks(-1) }), $"{rule.Text} changed before {instant:O}");
                Assert.True(now != rule.Evaluate(profile, context with { AsOf = instant }), $"{rule.Text} did not change at {instant:O}");
            }
        }

        Assert.True(changes >= 100, $"Only {changes} of 400 rules change by time; the property needs more.");
    }
}
