using Segmentation.Domain.Profiles;
using Segmentation.Domain.Tests.Support;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Profiles;

public class EventTimelineTests
{
    [Fact]
    public void GetEventTimeline_TrackEvent_KeepsScalarTopLevelPropertiesByName()
    {
        // Arrange
        var longText = new string('x', ProfileLimits.TimelineValueMaxLength + 1);
        var profile = ProfileAssert.Build(
        [
            Track("Product Viewed", T0, $$"""{"sku":"S1","price":12.50,"gift":true,"size":"42","tags":["a"],"dims":{"w":1},"none":null,"blurb":"{{longText}}"}"""),
        ]);

        // Act
        var timeline = profile.GetEventTimeline("Product Viewed");

        // Assert
        var entry = Assert.Single(Enumerable.Range(0, timeline.Count).Select(i => timeline[i]));
        Assert.Equal(T0, entry.At);
        Assert.Equal(["gift", "price", "size", "sku"], entry.Properties.Select(p => p.Name));
        Assert.True(entry.TryGetProperty("price", out var price));
        Assert.Equal((ScalarKind.Number, "12.50", 12.5m), (price.Kind, price.Text, price.Number));
        Assert.True(entry.TryGetProperty("size", out var size));
        Assert.Equal((ScalarKind.String, 42m), (size.Kind, size.Number));
        Assert.True(entry.TryGetProperty("gift", out var gift));
        Assert.True(gift.Flag);
        Assert.False(entry.TryGetProperty("blurb", out _));
        Assert.Equal(0, profile.GetEventTimeline("product viewed").Count);
    }

    [Fact]
    public void GetEventTimeline_SeveralEvents_ReadsTimesInPlaceAndSharesPropertyNames()
    {
        // Arrange
        var profile = ProfileAssert.Build([Track("Product Viewed", T0, """{"category":"shoes"}"""), Track("Product Viewed", T0.AddHours(1))]);
        var name = new string("category".AsSpan());

        // Act
        var timeline = profile.GetEventTimeline("Product Viewed");
        var shared = TrackedEvent.ShareName(name);

        // Assert
        Assert.Equal([T0.UtcTicks, T0.AddHours(1).UtcTicks], [timeline.TicksAt(0), timeline.TicksAt(1)]);
        Assert.Throws<ArgumentOutOfRangeException>(() => timeline.TicksAt(2));
        Assert.Same(timeline[0].Properties[0].Name, shared);
        Assert.Equal(name, shared);
    }

    [Fact]
    public void Apply_SameShortStringsInTwoProfiles_KeepsOneSharedCopy()
    {
        // Arrange: each message is parsed on its own, so its strings are distinct instances.
        var first = ProfileAssert.Build([Track("Product Viewed", T0, """{"category":"Running Shoes"}""")]);
        var second = ProfileAssert.Build([Track("Product Viewed", T0, """{"category":"Running Shoes"}""")]);
        var longValue = new string('y', 200);
        var third = ProfileAssert.Build([Track("Product Viewed", T0, $$"""{"category":"{{longValue}}"}""")]);
        var fourth = ProfileAssert.Build([Track("Product Viewed", T0, $$"""{"category":"{{longValue}}"}""")]);

        // Act
        var a = first.GetEventTimeline("Product Viewed")[0].Properties[0];
        var b = second.GetEventTimeline("Product Viewed")[0].Properties[0];
        var c = third.GetEventTimeline("Product Viewed")[0].Properties[0];
        var d = fourth.GetEventTimeline("Product Viewed")[0].Properties[0];

        // Assert: short names and values are shared; a long value stays each profile's own.
        Assert.Same(a.Name, b.Name);
        Assert.Same(a.Value.Text, b.Value.Text);
        Assert.Same(c.Name, d.Name);
        Assert.NotSame(c.Value.Text, d.Value.Text);
        Assert.Equal(c.Value.Text, d.Value.Text);
    }

    [Fact]
    public void Apply_MoreThanTheCapOfOneName_KeepsTheNewestWhateverTheArrivalOrder()
    {
        // Arrange
        var stream = Enumerable.Range(0, ProfileLimits.TimelineEventsPerName + 20)
            .Select(i => Track("Wishlist Added", T0.AddMinutes(i), $$"""{"n":{{i}}}"""))
            .ToList();
        var shuffled = stream.ToList();
        new Random(3).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));

        // Act
        var inOrder = ProfileAssert.Build(stream);
        var outOfOrder = ProfileAssert.Build(shuffled);

        // Assert
        var timeline = inOrder.GetEventTimeline("Wishlist Added");
        Assert.Equal(ProfileLimits.TimelineEventsPerName, timeline.Count);
        Assert.Equal(T0.AddMinutes(20), timeline[0].At);
        ProfileAssert.SameState(inOrder, outOfOrder);
    }

    [Fact]
    public void Apply_EventWithManyProperties_KeepsTheFirstByName()
    {
        // Arrange
        var properties = string.Join(",", Enumerable.Range(0, 20).Select(i => $"\"p{i:D2}\":{i}"));

        // Act
        var profile = ProfileAssert.Build([Track("Custom", T0, "{" + properties + "}")]);

        // Assert
        var entry = profile.GetEventTimeline("Custom")[0];
        Assert.Equal(Enumerable.Range(0, ProfileLimits.TimelinePropertiesPerEvent).Select(i => $"p{i:D2}"), entry.Properties.Select(p => p.Name));
    }

    [Fact]
    public void Apply_EventsOlderThanTheRetention_ArePrunedRelativeToTheLatestEvent()
    {
        // Arrange
        var profile = ProfileAssert.Build([Track("Custom", T0), Track("Other", T0.AddDays(1))]);

        // Act
        profile.Apply(Page(T0.AddDays(90)));

        // Assert
        Assert.Equal(0, profile.GetEventTimeline("Custom").Count);
        Assert.Equal(1, profile.GetEventTimeline("Other").Count);
        Assert.Equal(1, profile.GetEventCount("Custom"));
    }

    [Fact]
    public void Serialize_ProfileWithTimeline_RestoresTheTimelineAndTheSameBytes()
    {
        // Arrange
        var profile = ProfileAssert.Build(StreamGenerator.Generate(41, 400, T0, TimeSpan.FromDays(30)));
        var bytes = CustomerProfileSerializer.Serialize(profile);

        // Act
        var restored = CustomerProfileSerializer.Deserialize(bytes);

        // Assert
        Assert.Equal(bytes, CustomerProfileSerializer.Serialize(restored));
        var expected = profile.GetEventTimeline("Product Viewed");
        var actual = restored.GetEventTimeline("Product Viewed");
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Ticks, actual[i].Ticks);
            Assert.Equal(expected[i].Properties, actual[i].Properties);
        }
    }

    [Fact]
    public void Deserialize_VersionOneSnapshot_ReadsWithAnEmptyTimeline()
    {
        // Arrange: a version 1 snapshot is a version 2 one without the trailing timeline (an empty one is one zero byte).
        var profile = ProfileAssert.Build([Identify(T0, """{"email":"a@example.com"}""")]);
        var bytes = CustomerProfileSerializer.Serialize(profile);
        var versionOne = bytes[..^1];
        versionOne[4] = 1;

        // Act
        var restored = CustomerProfileSerializer.Deserialize(versionOne);

        // Assert
        Assert.Equal(bytes, CustomerProfileSerializer.Serialize(restored));
        Assert.Equal("a@example.com", restored.Email);
    }

    [Fact]
    public void Deserialize_VersionTwoSnapshot_ReadsEveryEntryAndWritesTheCurrentForm()
    {
        // Arrange: written by version 2, which kept every entry's properties inline, for these calls.
        var versionTwo = Convert.FromHexString(
            "53474350020180B0CAE89B9AD6EE08036D2D340180C095BE8997D6EE080180E0B8DA9599D6EE080480C095BE8997D6EE08036D2D318090A7CC8F98D6EE08036D2D3280E0B8DA9599D6EE08036D2D3380B0CAE89B9AD6EE08036D2D34030100000000020F4F7264657220436F6D706C657465640180E0B8DA9599D6EE0880E0B8DA9599D6EE080E50726F64756374205669657765640280C095BE8997D6EE088090A7CC8F98D6EE080106757365722D310180B0CAE89B9AD6EE08036D2D34000105656D61696C0F2261406578616D706C652E636F6D2280B0CAE89B9AD6EE08036D2D340000000000000000000000000000000000000180E0B8DA9599D6EE08000180E0B8DA9599D6EE08036D2D330100000280C095BE8997D6EE08036D2D310103702D3100010573686F6573017D00000000000000000000000000010000008090A7CC8F98D6EE08036D2D320103702D3100010573686F6573017D00000000000000000000000000010000000000000000000380C095BE8997D6EE088090A7CC8F98D6EE0880E0B8DA9599D6EE0801036F2D310180E0B8DA9599D6EE08036D2D33011E000000000000000000000000000000000100000000020F4F7264657220436F6D706C657465640180E0B8DA9599D6EE08036D2D33030467696674020474727565086F726465725F696400036F2D3107726576656E7565010233300E50726F64756374205669657765640280C095BE8997D6EE08036D2D31030863617465676F7279000573686F6573057072696365010431322E350A70726F647563745F69640003702D318090A7CC8F98D6EE08036D2D32030863617465676F7279000573686F6573057072696365010431322E350A70726F647563745F69640003702D31");
        var expected = ProfileAssert.Build([
            Track("Product Viewed", T0, """{"product_id":"p-1","price":12.5,"category":"shoes"}""", id: "m-1"),
            Track("Product Viewed", T0.AddHours(1), """{"product_id":"p-1","price":12.5,"category":"shoes"}""", id: "m-2"),
            Track("Order Completed", T0.AddHours(2), """{"order_id":"o-1","revenue":30,"gift":true}""", id: "m-3"),
            Identify(T0.AddHours(3), """{"email":"a@example.com"}""", id: "m-4")]);

        // Act
        var restored = CustomerProfileSerializer.Deserialize(versionTwo);

        // Assert
        Assert.Equal(2, versionTwo[4]);
        ProfileAssert.SameState(expected, restored);
        var views = restored.GetEventTimeline("Product Viewed");
        Assert.Equal(2, views.Count);
        Assert.True(views[1].TryGetNumber("price", out var price));
        Assert.Equal(12.5m, price);
        Assert.True(restored.GetEventTimeline("Order Completed")[0].TryGetProperty("gift", out var gift) && gift.Flag == true);
    }

    [Fact]
    public void Serialize_EntriesWithTheSameProperties_WritesTheirPropertiesOnce()
    {
        // Arrange: two profiles whose events differ only in count; every event has the same properties.
        const string properties = """{"product_id":"p-1","name":"A rather long product name","category":"shoes","price":12.5}""";
        var few = ProfileAssert.Build(Enumerable.Range(0, 10).Select(i => Track("Wishlist Added", T0.AddMinutes(i), properties, id: $"m-{i:D3}")));
        var many = ProfileAssert.Build(Enumerable.Range(0, 60).Select(i => Track("Wishlist Added", T0.AddMinutes(i), properties, id: $"m-{i:D3}")));

        // Act
        var perEvent = (CustomerProfileSerializer.Serialize(many).Length - CustomerProfileSerializer.Serialize(few).Length) / 50.0;

        // Assert: an event costs its time, id and set number (and its entry in the dedupe window), not its properties again.
        Assert.True(perEvent < properties.Length / 2.0, $"{perEvent} bytes per event");
        var restored = CustomerProfileSerializer.Deserialize(CustomerProfileSerializer.Serialize(many));
        ProfileAssert.SameState(many, restored);
    }

    [Fact]
    public void Deserialize_ProfilesWithTheSameProperties_RestoreOneSharedSet()
    {
        // Arrange: three profiles holding a property set no other test uses.
        var properties = $$"""{"product_id":"{{Guid.NewGuid():N}}","category":"shoes"}""";
        var snapshots = Enumerable.Range(0, 3)
            .Select(_ => CustomerProfileSerializer.Serialize(ProfileAssert.Build([Track("Product Viewed", T0, properties)])))
            .ToList();

        // Act
        var restored = snapshots
            .Select(static s => CustomerProfileSerializer.Deserialize(s).GetEventTimeline("Product Viewed")[0].Properties)
            .ToList();

        // Assert: once the set has been seen again, later profiles restore the one shared copy.
        Assert.Same(restored[1], restored[2]);
        Assert.Equal(restored[0], restored[2]);
    }

    [Fact]
    public void MergeFrom_TwoTimelines_EqualsOneStreamInOrder()
    {
        // Arrange
        var first = StreamGenerator.Generate(42, 150, T0, TimeSpan.FromHours(20));
        var second = StreamGenerator.Generate(43, 150, T0.AddHours(5), TimeSpan.FromHours(20))
            .Select(m => m with { MessageId = "b-" + m.MessageId })
            .ToList();
        var merged = ProfileAssert.Build(first);

        // Act
        merged.MergeFrom(ProfileAssert.Build(second));

        // Assert
        var expected = ProfileAssert.BuildInOrder(first.Concat(second));
        Assert.Equal(expected.GetEventTimeline("Wishlist Added").Count, merged.GetEventTimeline("Wishlist Added").Count);
        Assert.Equal(expected.GetEventTimeline("Product Viewed").CountBetween(T0.UtcTicks, T0.AddDays(2).UtcTicks), merged.GetEventTimeline("Product Viewed").CountBetween(T0.UtcTicks, T0.AddDays(2).UtcTicks));
    }

    [Fact]
    public void CountInWindow_AnySpan_CountsLikeTheWindowTotals()
    {
        // Arrange
        var profile = ProfileAssert.Build(StreamGenerator.Generate(44, 800, T0, TimeSpan.FromDays(100)));
        var asOf = profile.LatestEventAt!.Value;

        foreach (var window in Enum.GetValues<RollingWindow>())
        {
            // Act
            var from = asOf.AddDays(-(int)window);
            var totals = profile.GetWindowTotals(window, asOf);

            // Assert
            Assert.Equal(totals.ProductViews, profile.CountInWindow(WindowSeries.ProductViews, from, asOf));
            Assert.Equal(totals.CartAdds, profile.CountInWindow(WindowSeries.CartAdds, from, asOf));
            Assert.Equal(totals.Orders, profile.CountInWindow(WindowSeries.Orders, from, asOf));
            Assert.Equal(totals.Revenue, profile.RevenueInWindow(from, asOf));
        }
    }

    [Fact]
    public void GetWindowTimeline_CancelledAndRefundedOrders_HoldOnlyOrdersThatCountWithNetAmounts()
    {
        // Arrange
        var profile = ProfileAssert.Build(
        [
            Track("Order Completed", T0, """{"order_id":"o1","revenue":50}"""),
            Track("Order Completed", T0.AddHours(1), """{"order_id":"o2","revenue":70}"""),
            Track("Order Refunded", T0.AddHours(2), """{"order_id":"o1","amount":20}"""),
            Track("Order Cancelled", T0.AddHours(3), """{"order_id":"o2"}"""),
        ]);

        // Act
        var orders = profile.GetWindowTimeline(WindowSeries.Orders);

        // Assert
        Assert.Equal(1, orders.Count);
        Assert.Equal(new WindowPoint(T0.UtcTicks, 30m), orders[0]);
        Assert.Equal(T0.UtcTicks, orders.TicksAt(0));
        Assert.Equal(1, orders.CountThrough(T0.UtcTicks));
        Assert.Equal(0, orders.CountThrough(T0.UtcTicks - 1));
        Assert.Equal(1, profile.CountInWindow(WindowSeries.Orders, T0.AddDays(-1), T0.AddDays(1)));
        Assert.Equal(30m, profile.RevenueInWindow(T0.AddDays(-1), T0.AddDays(1)));
    }

    [Fact]
    public void GetTraitScalar_ScalarAndObjectTraits_ReadsScalarsOnly()
    {
        // Arrange
        var profile = ProfileAssert.Build([Identify(T0, """{"plan":"gold","age":41,"vip":true,"address":{"city":"Paris"},"nothing":null}""")]);

        // Act + Assert
        Assert.Equal("gold", profile.GetTraitScalar("plan")?.Text);
        Assert.Equal(41m, profile.GetTraitScalar("age")?.Number);
        Assert.True(profile.GetTraitScalar("vip")?.Flag);
        Assert.Null(profile.GetTraitScalar("address"));
        Assert.Null(profile.GetTraitScalar("nothing"));
        Assert.Null(profile.GetTraitScalar("missing"));
    }
}
