using Segmentation.Grains.Segments;
using Segmentation.Segments;
using Segmentation.TestKit;

namespace Segmentation.Grains.Tests.Segments.Engine;

public sealed class SegmentCatalogValidationTests
{
    [Theory]
    [InlineData("order_count > 3", SegmentRuleErrorCode.UnknownName, "Line 1, column 1: unknown attribute `order_count`; did you mean `orders_count`?")]
    [InlineData("email > 3", SegmentRuleErrorCode.TypeMismatch, "Line 1, column 7: `email` is text and cannot be used with `>`; text takes =, !=, in, contains, starts_with, exists or missing")]
    [InlineData("(can_email and views(7d) > 1", SegmentRuleErrorCode.Syntax, "Line 1, column 29: expected `and`, `or` or `)` to close the `(` at line 1, column 1, found end of input")]
    [InlineData("can_email)", SegmentRuleErrorCode.Syntax, "Line 1, column 10: found `)` without a matching `(`; expected `and`, `or` or end of input")]
    [InlineData("views(0d) > 1", SegmentRuleErrorCode.InvalidWindow, "Line 1, column 7: invalid window `0d`: a window must be longer than zero")]
    [InlineData("last_order_at before 36500d", SegmentRuleErrorCode.InvalidWindow, "Line 1, column 22: invalid window `36500d`: `within` and `before` take at most 1825d (5 years)")]
    [InlineData("in_segment(\"recent-buyer\")", SegmentRuleErrorCode.UnknownSegment, "segment `broken` refers to unknown segment `recent-buyer`; did you mean `recent-buyers`?")]
    public async Task CreateAsync_InvalidRule_RefusedWithAPreciseMessageAndNothingSaved(string rule, SegmentRuleErrorCode code, string message)
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        var before = await silo.Segments().ListAsync();

        var exception = await Assert.ThrowsAsync<SegmentRuleException>(() => silo.Segments().CreateAsync(new SegmentDraft("broken", "Broken", rule)));

        Assert.Equal(code, exception.Error.Code);
        Assert.Equal(message, exception.Message);
        Assert.Equal(before.Count, (await silo.Segments().ListAsync()).Count);
        Assert.Null(await silo.Segments().GetAsync("broken"));
    }

    [Fact]
    public async Task CreateAsync_RuleReferringToItself_RefusedAsACycle()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);

        var exception = await Assert.ThrowsAsync<SegmentRuleException>(() => silo.CreateAsync("loop", "not in_segment(\"loop\")"));

        Assert.Equal(SegmentRuleErrorCode.Cycle, exception.Error.Code);
        Assert.Equal("segment `loop` refers to itself: in_segment(\"loop\")", exception.Message);
        Assert.Null(await silo.Segments().GetAsync("loop"));
    }

    [Fact]
    public async Task UpdateAsync_CycleThroughOtherSegments_RefusedAndTheOldVersionStays()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        await silo.CreateAsync("a", "views(7d) > 0");
        await silo.CreateAsync("b", "in_segment(\"a\") and can_email");
        await silo.CreateAsync("c", "in_segment(\"b\")");

        var exception = await Assert.ThrowsAsync<SegmentRuleException>(() => silo.Segments().UpdateAsync("a", new SegmentDraft(null, "a", "in_segment(\"c\")")));

        Assert.Equal(SegmentRuleErrorCode.Cycle, exception.Error.Code);
        Assert.Equal("segments refer to each other in a cycle: `a` -> `c` -> `b` -> `a`", exception.Message);
        var a = await silo.InfoAsync("a");
        Assert.Equal(("views(7d) > 0", 1), (a.Rule, a.Version));
    }

    [Fact]
    public async Task DeleteAsync_SegmentOthersReferTo_RefusedAndKept()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        await silo.CreateAsync("buyers", "orders_count > 0");
        await silo.CreateAsync("reachable-buyers", "in_segment(\"buyers\") and can_email");
        await silo.CreateAsync("lost-buyers", "in_segment(\"buyers\") and last_order_at before 90d");

        var exception = await Assert.ThrowsAsync<SegmentRuleException>(() => silo.Segments().DeleteAsync("buyers"));

        Assert.Equal(SegmentRuleErrorCode.SegmentInUse, exception.Error.Code);
        Assert.Equal("segment `buyers` cannot be deleted: `lost-buyers`, `reachable-buyers` refer to it with in_segment(\"buyers\")", exception.Message);
        Assert.NotNull(await silo.Segments().GetAsync("buyers"));
    }

    [Fact]
    public async Task DeleteAsync_AfterItsUsersAreGone_Deletes()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        await silo.CreateAsync("buyers", "orders_count > 0");
        await silo.CreateAsync("reachable-buyers", "in_segment(\"buyers\") and can_email");

        Assert.True(await silo.Segments().DeleteAsync("reachable-buyers"));
        Assert.True(await silo.Segments().DeleteAsync("buyers"));
        Assert.False(await silo.Segments().DeleteAsync("buyers"));
        Assert.Null(await silo.Segments().GetAsync("buyers"));
    }

    [Theory]
    [InlineData("Recent Buyers", "recent-buyers-2")]
    [InlineData("Café Lovers: FR!", "cafe-lovers-fr")]
    [InlineData("Can't Stop", "cant-stop")]
    [InlineData("***", "segment")]
    public async Task CreateAsync_WithoutId_TakesAUniqueSlugOfTheName(string name, string id)
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);

        var created = await silo.Segments().CreateAsync(new SegmentDraft(null, name, "can_email"));

        Assert.Equal(id, created.Id);
        Assert.Equal(name, created.Name);
    }

    [Fact]
    public async Task CreateAsync_TakenId_ThrowsAlreadyExists()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);

        var exception = await Assert.ThrowsAsync<SegmentAlreadyExistsException>(() => silo.CreateAsync("vip", "can_email"));

        Assert.Equal("vip", exception.SegmentId);
    }

    [Theory]
    [InlineData("VIP2", "", "invalid segment id `VIP2`: ids are 1 to 64 lower-case letters, digits, `-` or `_`, starting with a letter or digit")]
    [InlineData("-x", "", "invalid segment id `-x`: ids are 1 to 64 lower-case letters, digits, `-` or `_`, starting with a letter or digit")]
    [InlineData("ok", " ", "a segment needs a name")]
    public async Task CreateAsync_BadIdOrName_Refused(string id, string name, string message)
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);

        var exception = await Assert.ThrowsAsync<SegmentRuleException>(() => silo.Segments().CreateAsync(new SegmentDraft(id, name.Length == 0 ? id : name, "can_email")));

        Assert.Equal(SegmentRuleErrorCode.InvalidDefinition, exception.Error.Code);
        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public async Task CreateAsync_Rule_IsSavedInCanonicalForm()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);

        var created = await silo.CreateAsync("shoes", "count(\"Product Viewed\" WHERE category = \"shoes\" , 14d) >= 2   AND   NOT cart.empty");

        Assert.Equal("count(\"Product Viewed\" where category = \"shoes\", 14d) >= 2 and not cart.empty", created.Rule);
    }
}
