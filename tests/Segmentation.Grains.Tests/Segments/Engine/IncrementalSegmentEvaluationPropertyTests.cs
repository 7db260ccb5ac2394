using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;
using Segmentation.Grains.Segments;
using Segmentation.Segments.Evaluation;
using Segmentation.Segments.Tests.Support;
using Segmentation.Tracking;

namespace Segmentation.Grains.Tests.Segments.Engine;

public sealed class IncrementalSegmentEvaluationPropertyTests
{
    private static readonly DateTimeOffset T0 = Messages.T0;

    /// <summary>A rule on every part of the profile, so each part's classification is exercised.</summary>
    private static readonly (string Id, string Rule)[] PartRules =
    [
        ("idle-cart", "not cart.empty and cart.updated_at before 1h"),
        ("buyers", "orders_count(3d) > 0 or revenue(1d) > 100"),
        ("viewers", "views(2d) > 1"),
        ("adders", "cart_adds(1d) > 0"),
        ("openers", "email_opened within 1d or email_clicks_count > 2"),
        ("idle", "last_activity_at before 1d"),
        ("at-risk", "lifecycle in (\"at_risk\", \"lapsed\", \"vip\")"),
        ("rfm-recent", "rfm.r >= 4 or rfm.cell = \"Champions\""),
        ("newcomers", "first_seen_at within 20d"),
        ("wishers", "count(\"Wishlist Added\", 2d) > 0"),
        ("shoe-buyers", "sum(\"Order Completed\" where currency = \"USD\", revenue, 2d) > 100"),
        ("mailable", "can_email and not email_suppressed"),
        ("french", "country = \"FR\" and traits.tier >= 2"),
        ("parisians", "timezone = \"Europe/Paris\""),
        ("known", "user_id exists"),
    ];

    /// <summary>Segments naming segments that name others.</summary>
    private static readonly (string Id, string Rule)[] ChainRules =
    [
        ("chain-1", "in_segment(\"viewers\") and not in_segment(\"vip\")"),
        ("chain-2", "in_segment(\"chain-1\") or (in_segment(\"wishers\") and in_segment(\"s3\"))"),
        ("chain-3", "not in_segment(\"chain-2\") and in_segment(\"idle-cart\")"),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    public void Evaluate_RandomEventsAndClockMoves_GivesWhatAWholeEvaluationGives(int seed)
    {
        // Arrange: random rules, rules on every part, chains of in_segment; a customer and the events it sends.
        var set = RandomSet(seed);
        var random = new Random(seed);
        var pool = StreamGenerator.Generate(seed, 600, T0, TimeSpan.FromDays(1));
        var profile = new CustomerProfile();
        var incremental = new Dictionary<string, SegmentMembershipEntry>(StringComparer.Ordinal);
        var whole = new Dictionary<string, SegmentMembershipEntry>(StringComparer.Ordinal);
        var incrementalChanges = new List<SegmentMembershipChange>();
        var wholeChanges = new List<SegmentMembershipChange>();
        var memo = default(SegmentSetMemo);
        RfmCutPoints? cutPoints = RfmCutPoints.Fixed(new RfmOptions());
        var asOf = T0;
        DateTimeOffset? next = null;
        var narrow = 0;
        for (var step = 0; step < 600; step++)
        {
            // Act: an event now (sometimes late, rarely ahead of the clock), time passing, the reminder, new cut points.
            var change = SegmentInputChange.Everything;
            switch (random.Next(20))
            {
                case < 3:
                    asOf = asOf.AddMinutes(random.Next(1, 3 * 24 * 60));
                    continue;
                case 3 when next is { } due:
                    asOf = due > asOf ? due : asOf;
                    break;
                case 4:
                    cutPoints = random.Next(3) switch
                    {
                        0 => null,
                        1 => RfmCutPoints.Fixed(new RfmOptions()),
                        _ => RfmCutPoints.Fixed(new RfmOptions { FixedRecencyMaxDays = [200, 60, 20, 2] }),
                    };
                    continue;
                default:
                    var message = Retimed(pool[step], asOf, random, step);
                    profile.Apply(message);
                    change = SegmentInputChange.Of(message);
                    break;
            }

            var context = new SegmentEvaluationContext(asOf) { RfmCutPoints = cutPoints };
            incrementalChanges.Clear();
            wholeChanges.Clear();
            var incrementalNext = SegmentMembershipEvaluator.Evaluate(set, profile, context, incremental, incrementalChanges, change, ref memo);
            next = SegmentMembershipEvaluator.Evaluate(set, profile, context, whole, wholeChanges);

            // Assert: the same next change, deltas and memberships after every step.
            var where = $"step {step} at {asOf:O} after {change}";
            Assert.True(next == incrementalNext, $"{where}: next change {incrementalNext:O}, a whole evaluation says {next:O}");
            Assert.True(
                wholeChanges.Select(static c => (c.Segment.Id, c.Entered)).SequenceEqual(incrementalChanges.Select(static c => (c.Segment.Id, c.Entered))),
                $"{where}: deltas {Describe(incrementalChanges)}, a whole evaluation gives {Describe(wholeChanges)}");
            Assert.Equal(whole.OrderBy(static m => m.Key, StringComparer.Ordinal), incremental.OrderBy(static m => m.Key, StringComparer.Ordinal));
            narrow += change.IsEverything ? 0 : 1;
        }

        Assert.True(narrow >= 300, $"Only {narrow} evaluations after a classified event; the property needs more.");
    }

    /// <summary>A message of the pool sent now; one in ten late by up to a day and a half, one in fifty an hour ahead.</summary>
    private static TrackingMessage Retimed(TrackingMessage message, DateTimeOffset now, Random random, int step)
    {
        var at = random.Next(50) switch
        {
            0 => now.AddMinutes(random.Next(1, 60)),
            < 5 => now.AddMinutes(-random.Next(1, 36 * 60)),
            _ => now,
        };
        var context = random.Next(4) switch
        {
            0 => Messages.Object("""{"timezone":"Europe/Paris","location":{"country":"FR"}}"""),
            1 => Messages.Object("""{"timezone":"America/New_York"}"""),
            _ => null,
        };
        return message with { MessageId = $"step-{step}", Timestamp = at, ReceivedAt = now, Context = context };
    }

    private static SegmentDefinitionSet RandomSet(int seed)
    {
        var generator = new RuleGenerator(seed * 7919);
        var rules = new List<(string Id, CompiledSegmentRule Rule)>();
        foreach (var id in new[] { "vip", "recent-buyers", "x y" })
        {
            var rule = SegmentRuleCompiler.Compile(generator.ValidTimeDependent(depth: 2));
            while (rule.ReferencedSegments.Count > 0)
            {
                rule = SegmentRuleCompiler.Compile(generator.ValidTimeDependent(depth: 2));
            }

            rules.Add((id, rule));
        }

        rules.AddRange(PartRules.Select(static r => (r.Id, SegmentRuleCompiler.Compile(r.Rule))));
        for (var i = 0; i < 40; i++)
        {
            rules.Add(($"s{i}", SegmentRuleCompiler.Compile(i % 3 == 0 ? generator.Valid(depth: 2) : generator.ValidTimeDependent(depth: 2))));
        }

        rules.AddRange(ChainRules.Select(static r => (r.Id, SegmentRuleCompiler.Compile(r.Rule))));
        return new SegmentDefinitionSet(1, rules.Select(static r => new ActiveSegment(r.Id, r.Id, 1, 1, r.Rule)));
    }

    private static string Describe(List<SegmentMembershipChange> changes) =>
        string.Join(", ", changes.Select(static c => (c.Entered ? "+" : "-") + c.Segment.Id));
}
