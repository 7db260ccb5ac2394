using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Segmentation.Delivery.Tests.Infrastructure;

namespace Segmentation.Delivery.Tests;

public sealed class DeliveryOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_AreValidAndDeliveryIsOff()
    {
        var options = new DeliveryOptions();

        Assert.False(new DeliveryOptionsValidator().Validate(null, options).Failed);
        Assert.False(options.IsEnabled);
    }

    [Fact]
    public void Validate_WebhookEndpointWithSecret_IsValid()
    {
        var options = new DeliveryOptions { EndpointUrl = "https://esp.example/hooks/sends?tenant=7", SigningSecret = DeliverySilo.Secret };

        Assert.False(new DeliveryOptionsValidator().Validate(null, options).Failed);
    }

    [Theory]
    [InlineData("not a url", "Segmentation:Delivery:EndpointUrl must be an absolute http:// or https:// URL; got 'not a url'.")]
    [InlineData("/relative/path", "Segmentation:Delivery:EndpointUrl must be an absolute http:// or https:// URL")]
    [InlineData("ftp://esp.example/sends", "Segmentation:Delivery:EndpointUrl must be an absolute http:// or https:// URL")]
    [InlineData("https://user:password@esp.example/sends", "Segmentation:Delivery:EndpointUrl must not carry credentials")]
    public void Validate_InvalidEndpointUrl_NamesTheSetting(string url, string expected)
    {
        var result = new DeliveryOptionsValidator().Validate(null, new DeliveryOptions { EndpointUrl = url, SigningSecret = DeliverySilo.Secret });

        Assert.Contains(result.Failures!, failure => failure.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "Segmentation:Delivery:SigningSecret must be set")]
    [InlineData("secret", "Segmentation:Delivery:SigningSecret must start with 'whsec_'")]
    [InlineData("whsec_%%%", "Segmentation:Delivery:SigningSecret must be 'whsec_' followed by valid base64")]
    [InlineData("whsec_c2hvcnQ=", "Segmentation:Delivery:SigningSecret must hold 24 to 64 bytes")]
    public void Validate_InvalidSecret_NamesTheSettingWithoutRepeatingIt(string? secret, string expected)
    {
        var result = new DeliveryOptionsValidator().Validate(null, new DeliveryOptions { EndpointUrl = "https://esp.example/sends", SigningSecret = secret });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
        if (secret is { Length: > 0 })
        {
            Assert.DoesNotContain(secret, failure, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_InvalidSecretWhileDeliveryIsOff_IsStillRefused()
    {
        var result = new DeliveryOptionsValidator().Validate(null, new DeliveryOptions { SigningSecret = "whsec_" });

        Assert.True(result.Failed);
    }

    [Fact]
    public void Validate_SendGridWithoutKeyOrSender_NamesBoth()
    {
        var options = new DeliveryOptions { EndpointUrl = "https://api.sendgrid.com/v3/mail/send", Adapter = EspAdapterKind.SendGrid };

        var failures = new DeliveryOptionsValidator().Validate(null, options).Failures!;

        Assert.Equal(2, failures.Count());
        Assert.Contains(failures, static f => f.StartsWith("Segmentation:Delivery:SendGrid:ApiKey must be set", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Segmentation:Delivery:SendGrid:FromEmail must be", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MaxAttempts", "0", "Segmentation:Delivery:MaxAttempts must be between 1 and 100; got 0.")]
    [InlineData("RequestTimeout", "00:00:00", "Segmentation:Delivery:RequestTimeout must be more than 0")]
    [InlineData("RetryDelay", "-00:00:01", "Segmentation:Delivery:RetryDelay must be more than 0")]
    [InlineData("MaxRetryDelay", "00:00:01", "Segmentation:Delivery:MaxRetryDelay must be at least Segmentation:Delivery:RetryDelay")]
    [InlineData("MaxConcurrency", "0", "Segmentation:Delivery:MaxConcurrency must be between 1 and 1000; got 0.")]
    [InlineData("RateLimitPerSecond", "-1", "Segmentation:Delivery:RateLimitPerSecond must be between 0 (no limit) and 100000; got -1.")]
    [InlineData("MaxSendsInProgress", "0", "Segmentation:Delivery:MaxSendsInProgress must be between 1 and 100000; got 0.")]
    [InlineData("PollInterval", "00:05:00", "Segmentation:Delivery:PollInterval must be more than 0 and at most 00:01:00")]
    [InlineData("SendLogRetention", "12:00:00", "Segmentation:Delivery:SendLogRetention must be at least 1.00:00:00")]
    public void Options_InvalidSettingFromConfiguration_AreRefusedWhenRead(string setting, string value, string expected)
    {
        // Arrange: bound from configuration the way the silo binds them.
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Segmentation:Delivery:{setting}"] = value,
        }).Build());
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName);
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        using var provider = services.BuildServiceProvider();

        // Act
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DeliveryOptions>>().Value);

        // Assert
        Assert.StartsWith(expected, Assert.Single(exception.Failures), StringComparison.Ordinal);
    }
}
