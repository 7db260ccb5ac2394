using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Segmentation.Domain.Rfm;

namespace Segmentation.Grains.Tests;

public sealed class CustomerProfileOptionsTests
{
    [Fact]
    public void Bind_FixedThresholdsFromConfiguration_ReplaceTheDefaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Segmentation:Profiles:Rfm:Mode"] = "FixedThresholds",
            ["Segmentation:Profiles:Rfm:FixedMinOrders:0"] = "2",
            ["Segmentation:Profiles:Rfm:FixedMinOrders:1"] = "4",
            ["Segmentation:Profiles:Rfm:FixedMinOrders:2"] = "6",
            ["Segmentation:Profiles:Rfm:FixedMinOrders:3"] = "8",
            ["Segmentation:Profiles:Lifecycle:LapsedAfter"] = "45.00:00:00",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<CustomerProfileOptions>().BindConfiguration(CustomerProfileOptions.SectionName);

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<CustomerProfileOptions>>().Value;
        var rfm = options.Rfm.ToOptions();

        Assert.Equal(RfmScoringMode.FixedThresholds, rfm.Mode);
        Assert.Equal([2, 4, 6, 8], rfm.FixedMinOrders);
        Assert.Equal([365, 180, 90, 30], rfm.FixedRecencyMaxDays);
        Assert.Equal(TimeSpan.FromDays(45), options.Lifecycle.LapsedAfter);
        Assert.Equal(TimeSpan.FromDays(60), new CustomerProfileOptions().Lifecycle.LapsedAfter);
    }
}
