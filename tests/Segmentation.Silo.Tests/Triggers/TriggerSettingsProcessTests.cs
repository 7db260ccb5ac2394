using Segmentation.Silo.Hosting;
using Segmentation.Silo.Tests.Infrastructure;

namespace Segmentation.Silo.Tests.Triggers;

/// <summary>The built silo refuses to start with invalid trigger settings, naming the setting in one line.</summary>
public sealed class TriggerSettingsProcessTests
{
    [Theory]
    [InlineData("Segmentation__Triggers__CartAbandonment__Delay", "00:00:00", "invalid configuration: Segmentation:Triggers:CartAbandonment:Delay must be from 1 minute to 30 days; got 00:00:00.")]
    [InlineData("Segmentation__Triggers__Guardrails__DefaultTimeZone", "Mars/Base", "invalid configuration: Segmentation:Triggers:Guardrails:DefaultTimeZone must be an IANA time zone id such as Europe/Berlin; got 'Mars/Base'.")]
    public async Task Start_InvalidTriggerSetting_ExitsWithConfigurationErrorNamingIt(string variable, string value, string expected)
    {
        using var guard = HangGuard.Start();
        using var temp = new TempDirectory();

        await using var silo = SiloProcess.Start(temp.Combine("data"), new Dictionary<string, string?> { [variable] = value });
        var exitCode = await silo.WaitForExitAsync(guard.Token);

        Assert.Equal(SiloExitCodes.InvalidConfiguration, exitCode);
        var line = Assert.Single(silo.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(StartupFailure.Prefix + expected, line);
    }
}
