using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Segmentation.Runtime.Configuration;
using Segmentation.Silo.Tests.Infrastructure;

namespace Segmentation.Silo.Tests;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class EnvironmentConfigurationTests
{
    [Fact]
    public async Task Settings_FromEnvironmentAndCommandLine_OverrideSettingsFiles()
    {
        const string checkpointKey = "Segmentation__Silo__CheckpointInterval";
        const string lookAheadKey = "Segmentation__Silo__ReminderLookAhead";
        Environment.SetEnvironmentVariable(checkpointKey, "00:00:07");
        Environment.SetEnvironmentVariable(lookAheadKey, "00:00:11");
        try
        {
            await using var factory = new SiloApplicationFactory().WithSetting("Segmentation:Silo:ReminderLookAhead", "00:00:13");

            var silo = factory.Services.GetRequiredService<IOptions<SiloOptions>>().Value;

            Assert.Equal(TimeSpan.FromSeconds(7), silo.CheckpointInterval);
            Assert.Equal(TimeSpan.FromSeconds(13), silo.ReminderLookAhead);
        }
        finally
        {
            Environment.SetEnvironmentVariable(checkpointKey, null);
            Environment.SetEnvironmentVariable(lookAheadKey, null);
        }
    }
}
