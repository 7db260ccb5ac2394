using Segmentation.Runtime.Tests.Grains;

namespace Segmentation.Runtime.Tests;

public sealed class GrainIdentityTests
{
    [Fact]
    public void Constructor_EmptyKey_ThrowsNamingTheType()
    {
        var exception = Assert.Throws<ArgumentException>(() => new GrainId("customer", ""));

        Assert.Contains("must not be empty", exception.Message, StringComparison.Ordinal);
        Assert.Contains("customer", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_KeyOf257Characters_ThrowsWithTheLimit()
    {
        var exception = Assert.Throws<ArgumentException>(() => new GrainId("customer", new string('k', 257)));

        Assert.Contains("at most 256 characters; got 257", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_KeyOf256Characters_IsAccepted()
    {
        var id = new GrainId("customer", new string('k', 256));

        Assert.Equal(256, id.Key.Length);
    }

    [Fact]
    public async Task GetGrain_UnregisteredClass_ThrowsUnknownGrainType()
    {
        await using var silo = await TestSilos.StartAsync();

        var exception = Assert.Throws<UnknownGrainTypeException>(() => silo.Client.GetGrain<UnregisteredGrain>("x"));

        Assert.Equal("UnregisteredGrain", exception.GrainType);
        Assert.Contains("AddGrain", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_UnknownGrainType_ThrowsUnknownGrainType()
    {
        await using var silo = await TestSilos.StartAsync();
        var message = new DurableMessage(new GrainId("nope", "x"), "k", [], silo.Clock.GetUtcNow());

        await Assert.ThrowsAsync<UnknownGrainTypeException>(() => silo.Client.AppendAsync([message]));
    }

    [Fact]
    public async Task AppendAsync_GrainThatIsNotLogFed_ThrowsArgumentException()
    {
        await using var silo = await TestSilos.StartAsync();
        var message = new DurableMessage(new GrainId("counter", "x"), "k", [], silo.Clock.GetUtcNow());

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => silo.Client.AppendAsync([message]));

        Assert.Contains("not log-fed", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetGrain_KeyTooLong_ThrowsBeforeAnyActivation()
    {
        await using var silo = await TestSilos.StartAsync();

        Assert.Throws<ArgumentException>(() => silo.Client.GetGrain<CounterGrain>(new string('k', 300)));
        Assert.Equal(0, silo.Silo.ActivationCount);
    }

    private sealed class UnregisteredGrain : Grain;
}
