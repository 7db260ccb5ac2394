using System.Text.Json.Nodes;
using Segmentation.Domain.Profiles;
using Segmentation.Segments.Dependencies;
using Segmentation.Segments.Evaluation;
using Segmentation.TestKit;
using Segmentation.Tracking;
using static Segmentation.Grains.Tests.CustomerSilo;

namespace Segmentation.Grains.Tests.Segments.Engine;

public sealed class SegmentMembershipPropertyTests
{
    private static readonly (string Id, string Rule)[] Rules =
    [
        ("viewers", "views(2d) > 0"),
        ("buyers", "orders_count(3d) >= 1"),
        ("recent", "last_activity_at within 1d"),
        ("idle-cart", "not cart.empty and cart.updated_at before 6h"),
        ("shoe-lovers", "count(\"Product Viewed\" where category = \"shoes\", 2d) >= 2"),
        ("fans", "in_segment(\"viewers\") and in_segment(\"buyers\")"),
        ("lost", "not in_segment(\"recent\") and in_segment(\"fans\")"),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Segments_AfterRandomEventsAndClockMoves_HoldExactlyTheCustomersWhoseRuleIsTrue(int seed)
    {
        // Arrange: the test's own profiles of the same messages, evaluated independently of the grains.
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        foreach (var (id, rule) in Rules)
        {
            await silo.CreateAsync(id, rule);
        }

        var random = new Random(seed);
        var profiles = new Dictionary<string, CustomerProfile>(StringComparer.Ordinal);
        var checks = 0;
        for (var step = 0; step < 160; step++)
        {
            // Act: a burst of events now, or time passing (minutes to a day and a half).
            if (random.Next(3) == 0)
            {
                await silo.AdvanceAsync(TimeSpan.FromMinutes(random.Next(1, 36 * 60)));
            }
            else
            {
                var messages = Enumerable.Range(0, random.Next(1, 4)).Select(_ => NextMessage(random, silo.Clock.GetUtcNow())).ToArray();
                foreach (var message in messages)
                {
                    (profiles.TryGetValue(message.CustomerKey, out var profile) ? profile : profiles[message.CustomerKey] = new CustomerProfile()).Apply(message);
                }

                await silo.SendAsync(messages);
            }

            // Assert: every segment (starters too) has exactly the customers whose rule is true now.
            if (step % 20 == 19)
            {
                await AssertMembershipsAsync(silo, profiles);
                checks++;
            }
        }

        Assert.Equal(8, checks);
    }

    private static async Task AssertMembershipsAsync(TestSilo silo, Dictionary<string, CustomerProfile> profiles)
    {
        var segments = await silo.Segments().ListAsync();
        var compiled = segments.ToDictionary(static s => s.Id, static s => SegmentRuleCompiler.Compile(s.Rule), StringComparer.Ordinal);
        var order = SegmentDependencyGraph.Build(compiled.ToDictionary(static p => p.Key, static p => p.Value.Rule, StringComparer.Ordinal)).EvaluationOrder;
        var expected = order.ToDictionary(static id => id, static _ => new List<string>(), StringComparer.Ordinal);
        var now = silo.Clock.GetUtcNow();
        foreach (var (customer, profile) in profiles.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            var memberships = new SegmentMembershipTable();
            var context = new SegmentEvaluationContext(now) { Memberships = memberships };
            foreach (var id in order)
            {
                var member = compiled[id].Evaluate(profile, context);
                memberships.Set(id, new SegmentMembership(member, null));
                if (member)
                {
                    expected[id].Add(customer);
                }
            }
        }

        foreach (var segment in segments)
        {
            Assert.True(expected[segment.Id].SequenceEqual(await silo.MemberIdsAsync(segment.Id, pageSize: 5)), $"{segment.Id} at {now:O}");
            Assert.Equal(expected[segment.Id].Count, segment.Count);
        }
    }

    private static TrackingMessage NextMessage(Random random, DateTimeOffset now)
    {
        var customer = $"c{random.Next(12):D2}";
        var product = new JsonObject
        {
            ["product_id"] = $"p{random.Next(4)}",
            ["category"] = random.Next(2) == 0 ? "shoes" : "hats",
            ["price"] = random.Next(5, 60),
            ["quantity"] = 1,
        };
        return random.Next(6) switch
        {
            0 or 1 => Track(customer, null, "Product Viewed", now, product),
            2 => Track(customer, null, "Product Added", now, product),
            3 => Order(customer, $"o{random.Next(1_000_000)}", random.Next(10, 300), now),
            4 => Track(customer, null, "Email Opened", now, new JsonObject { ["campaign_id"] = "spring" }),
            _ => Track(customer, null, "Product Removed", now, product),
        };
    }
}
