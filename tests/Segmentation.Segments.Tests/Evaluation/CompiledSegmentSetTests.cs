using Segmentation.Domain.Rfm;
using Segmentation.Segments.Evaluation;
using Segmentation.Segments.Tests.Support;
using static Segmentation.Segments.Tests.Support.Messages;

namespace Segmentation.Segments.Tests.Evaluation;

public class CompiledSegmentSetTests
{
    private static readonly string[] ReferencedIds = ["vip", "recent-buyers", "x y"];

    [Theory]
    [InlineData(21, 300)]
    [InlineData(22, 300)]
    [InlineData(23, 20)]
    [InlineData(24, 20)]
    public void Evaluate_RandomSetsAndProfiles_MatchesEachRuleEvaluatedOnItsOwn(int seed, int events)
    {
        // Arrange: the segments in_segment can name first, then random rules, some naming them.
        var profile = Profiles.Build([.. StreamGenerator.Generate(seed, events, T0, TimeSpan.FromDays(60))]);
        var random = new Random(seed);
        var segments = RandomSegments(new RuleGenerator(seed * 31), 60);
        var set = new CompiledSegmentSet(segments);
        var results = new bool[segments.Count];
        for (var step = 0; step < 5; step++)
        {
            var context = new SegmentEvaluationContext(profile.LatestEventAt!.Value.AddMinutes(random.Next(0, 100_000)))
            {
                RfmCutPoints = step % 2 == 0 ? RfmCutPoints.Fixed(new RfmOptions()) : null,
            };

            // Act
            var next = set.Evaluate(profile, context, results);

            // Assert: each rule on its own, with the memberships (and their exact next change) of the segments before it.
            var (expectedResults, expectedNext) = OneByOne(segments, profile, context);
            Assert.Equal(expectedResults, results);
            Assert.Equal(expectedNext, next);
        }
    }

    [Fact]
    public void Evaluate_InSegment_ReadsTheEarlierSegmentsOfThisEvaluation()
    {
        // Arrange: the context says "vip", but the set evaluates it, and the view expires after 7 days.
        var profile = Profiles.Build(Track("Product Viewed", T0, """{"product_id":"p1"}"""));
        var context = new SegmentEvaluationContext(T0.AddHours(1)) { Memberships = new SegmentMembershipTable() };
        ((SegmentMembershipTable)context.Memberships).Set("viewers", new SegmentMembership(false, null));
        var set = new CompiledSegmentSet(
        [
            KeyValuePair.Create("viewers", SegmentRuleCompiler.Compile("views(7d) > 0")),
            KeyValuePair.Create("lost-viewers", SegmentRuleCompiler.Compile("not in_segment(\"viewers\")")),
        ]);
        var results = new bool[2];

        // Act
        var next = set.Evaluate(profile, context, results);

        // Assert
        Assert.Equal([true, false], results);
        Assert.Equal(T0.AddDays(7), next);
    }

    [Fact]
    public void Evaluate_RuleNamingASegmentOutsideTheSet_ReadsTheContextsMemberships()
    {
        // Arrange: "buyers" is not in the set; the context says the customer is a member until 3 days from now.
        var profile = Profiles.Build(Track("Product Viewed", T0, """{"product_id":"p1"}"""));
        var memberships = new SegmentMembershipTable();
        memberships.Set("buyers", new SegmentMembership(true, T0.AddDays(3)));
        var context = new SegmentEvaluationContext(T0.AddHours(1)) { Memberships = memberships };
        var set = new CompiledSegmentSet([KeyValuePair.Create("buyer-viewers", SegmentRuleCompiler.Compile("in_segment(\"buyers\") and views(7d) > 0"))]);
        var results = new bool[1];

        // Act
        var next = set.Evaluate(profile, context, results);

        // Assert
        Assert.Equal(["buyers"], set.ExternalReferences);
        Assert.Equal([true], results);
        Assert.Equal(T0.AddDays(3), next);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void Evaluate_Before_FindsOnlyAChangeBeforeThatInstant(long ticksAfterTheChange, bool found)
    {
        // Arrange: the view leaves the 7-day window 7 days after it.
        var profile = Profiles.Build(Track("Product Viewed", T0, """{"product_id":"p1"}"""));
        var set = new CompiledSegmentSet([KeyValuePair.Create("viewers", SegmentRuleCompiler.Compile("views(7d) > 0"))]);
        var results = new bool[1];

        // Act
        var next = set.Evaluate(profile, new SegmentEvaluationContext(T0.AddHours(1)), results, before: T0.AddDays(7).AddTicks(ticksAfterTheChange));

        // Assert
        Assert.Equal([true], results);
        Assert.Equal(found ? T0.AddDays(7) : null, next);
    }

    [Fact]
    public void Evaluate_WarmThread_AllocatesNothing()
    {
        // Arrange: a rule of every kind the per-event path reads (nested traits aside, which parse their JSON).
        var profile = Profiles.Build([.. StreamGenerator.Generate(5, 300, T0, TimeSpan.FromDays(60))]);
        string[] rules =
        [
            "orders_count(7d) > 0", "revenue(30d) > 100", "views(14d) >= 2 and cart_adds(14d) = 0",
            "count(\"Product Viewed\" where category = \"shoes\", 14d) >= 2", "sum(\"Order Completed\" where currency = \"USD\", revenue, 30d) > 50",
            "email_opened within 7d or email_clicked within 7d", "not cart.empty and cart.updated_at before 1h", "lifecycle = \"vip\"",
            "rfm.cell = \"Champions\"", "traits.plan = \"gold\" and can_email", "in_segment(\"s0\") and not email_suppressed",
        ];
        var set = new CompiledSegmentSet([.. rules.Select((rule, i) => KeyValuePair.Create($"s{i}", SegmentRuleCompiler.Compile(rule)))]);
        var context = new SegmentEvaluationContext(profile.LatestEventAt!.Value) { RfmCutPoints = RfmCutPoints.Fixed(new RfmOptions()) };
        var results = new bool[rules.Length];
        for (var i = 0; i < 100; i++)
        {
            set.Evaluate(profile, context, results);
        }

        // Act
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            set.Evaluate(profile, context, results);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Assert
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Constructor_RuleNamingALaterSegment_Throws()
    {
        // Arrange
        KeyValuePair<string, CompiledSegmentRule>[] segments =
        [
            KeyValuePair.Create("fans", SegmentRuleCompiler.Compile("in_segment(\"viewers\")")),
            KeyValuePair.Create("viewers", SegmentRuleCompiler.Compile("views(7d) > 0")),
        ];

        // Act + Assert
        var error = Assert.Throws<ArgumentException>(() => new CompiledSegmentSet(segments));
        Assert.Contains("`fans` refers to `viewers`", error.Message, StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, CompiledSegmentRule>> RandomSegments(RuleGenerator generator, int count)
    {
        var segments = new List<KeyValuePair<string, CompiledSegmentRule>>();
        foreach (var id in ReferencedIds)
        {
            var rule = SegmentRuleCompiler.Compile(generator.ValidTimeDependent(depth: 2));
            while (rule.ReferencedSegments.Count > 0)
            {
                rule = SegmentRuleCompiler.Compile(generator.ValidTimeDependent(depth: 2));
            }

            segments.Add(KeyValuePair.Create(id, rule));
        }

        for (var i = 0; i < count; i++)
        {
            segments.Add(KeyValuePair.Create($"s{i}", SegmentRuleCompiler.Compile(generator.ValidTimeDependent(depth: 2))));
        }

        return segments;
    }

    private static (bool[] Results, DateTimeOffset? Next) OneByOne(
        List<KeyValuePair<string, CompiledSegmentRule>> segments, Domain.Profiles.CustomerProfile profile, SegmentEvaluationContext context)
    {
        var memberships = new SegmentMembershipTable();
        context = context with { Memberships = memberships };
        var results = new bool[segments.Count];
        DateTimeOffset? earliest = null;
        for (var i = 0; i < segments.Count; i++)
        {
            var rule = segments[i].Value;
            results[i] = rule.Evaluate(profile, context);
            var next = rule.NextChange(profile, context);
            memberships.Set(segments[i].Key, new SegmentMembership(results[i], next));
            earliest = next is { } instant && (earliest is null || instant < earliest) ? instant : earliest;
        }

        return (results, earliest);
    }
}
