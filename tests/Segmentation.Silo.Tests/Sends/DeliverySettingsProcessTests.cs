using Segmentation.Silo.Hosting;
using Segmentation.Silo.Tests.Infrastructure;

namespace Segmentation.Silo.Tests.Sends;

/// <summary>The built silo refuses to start with invalid delivery settings, naming the setting in one line.</summary>
public sealed class DeliverySettingsProcessTests
{
    [Theory]
    [InlineData("Segmentation__Delivery__EndpointUrl", "esp.example/sends", "invalid configuration: Segmentation:Delivery:EndpointUrl must be an absolute http:// or https:// URL; got 'esp.example/sends'.")]
    [InlineData("Segmentation__Delivery__SigningSecret", "not-a-secret", "invalid configuration: Segmentation:Delivery:SigningSecret must start with 'whsec_'")]
    [InlineData("Segmentation__Delivery__MaxAttempts", "0", "invalid configuration: Segmentation:Delivery:MaxAttempts must be between 1 and 100; got 0.")]
    [InlineData("Segmentation__Delivery__Adapter", "Mailgun", "invalid configuration: Failed to convert configuration value at 'Segmentation:Delivery:Adapter'")]
    public async Task Start_InvalidDeliverySetting_ExitsWithConfigurationErrorNamingIt(string variable, string value, string expected)
    {
        // Arrange: an otherwise valid delivery configuration.
        using var guard = HangGuard.Start();
        using var temp = new TempDirectory();
        var environment = new Dictionary<string, string?>
        {
            ["Segmentation__Delivery__EndpointUrl"] = "http://127.0.0.1:9/esp/sends",
            ["Segmentation__Delivery__SigningSecret"] = SendsTestSilo.Secret,
            [variable] = value,
        };

        // Act
        await using var silo = SiloProcess.Start(temp.Combine("data"), environment);
        var exitCode = await silo.WaitForExitAsync(guard.Token);

        // Assert
        Assert.Equal(SiloExitCodes.InvalidConfiguration, exitCode);
        var lines = silo.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith(StartupFailure.Prefix + expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(SendsTestSilo.Secret, silo.StandardError + silo.StandardOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(silo.DataDirectory), "Nothing is created when the settings are refused.");
    }

    [Fact]
    public async Task Start_ValidDeliverySettings_BecomesReadyAndSaysWhereSendsGo()
    {
        using var guard = HangGuard.Start();
        using var temp = new TempDirectory();
        var environment = new Dictionary<string, string?>
        {
            ["Segmentation__Delivery__EndpointUrl"] = "http://127.0.0.1:9/esp/sends?token=hidden",
            ["Segmentation__Delivery__SigningSecret"] = SendsTestSilo.Secret,
        };

        await using var silo = SiloProcess.Start(temp.Combine("data"), environment);
        await silo.WaitUntilReadyAsync(guard.Token);
        var exitCode = await silo.StopGracefullyAsync(guard.Token);

        Assert.Equal(SiloExitCodes.Success, exitCode);
        Assert.Contains("ESP delivery to http://127.0.0.1:9 with the Webhook adapter", silo.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", silo.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(SendsTestSilo.Secret, silo.StandardOutput, StringComparison.Ordinal);
    }
}
