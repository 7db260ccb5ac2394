using Segmentation.Domain.Triggers;

namespace Segmentation.Domain.Tests.Triggers;

public sealed class TriggerPropertiesTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("3")]
    public void Step_HoldsTheStepAlone(string step) =>
        Assert.Equal([new KeyValuePair<string, string>("step", step)], TriggerProperties.Step(step));

    [Fact]
    public void Step_SharedSteps_CannotBeChangedThroughACast()
    {
        var shared = Assert.IsAssignableFrom<IDictionary<string, string>>(TriggerProperties.Step("1"));

        Assert.True(shared.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => shared["step"] = "2");
    }

    [Fact]
    public void One_HoldsTheValueByName() =>
        Assert.Equal("spend-100", TriggerProperties.One("milestone", "spend-100")["milestone"]);
}
