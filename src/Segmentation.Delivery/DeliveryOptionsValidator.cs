using Microsoft.Extensions.Options;
using Segmentation.Delivery.Esp;

namespace Segmentation.Delivery;

/// <summary>
/// Refuses delivery settings the dispatcher cannot work with, naming each by its configuration key
/// (<c>Segmentation:Delivery:EndpointUrl</c>). Secrets are never repeated in the messages.
/// </summary>
public sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    private static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromDays(1);
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckEndpoint(options, failures);
        CheckCredentials(options, failures);
        CheckRetries(options, failures);
        CheckLimits(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckEndpoint(DeliveryOptions options, List<string> failures)
    {
        if (!Enum.IsDefined(options.Adapter))
        {
            failures.Add($"{Key(nameof(options.Adapter))} must be Webhook or SendGrid; got {options.Adapter}.");
        }

        if (!options.IsEnabled)
        {
            return;
        }

        var text = options.EndpointUrl!.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(url.Host))
        {
            failures.Add($"{Key(nameof(options.EndpointUrl))} must be an absolute http:// or https:// URL; got '{text}'.");
        }
        else if (!string.IsNullOrEmpty(url.UserInfo) || !string.IsNullOrEmpty(url.Fragment))
        {
            failures.Add($"{Key(nameof(options.EndpointUrl))} must not carry credentials or a fragment (use {Key(nameof(options.SigningSecret))} or {Key("SendGrid:ApiKey")}).");
        }
    }

    private static void CheckCredentials(DeliveryOptions options, List<string> failures)
    {
        var webhook = options.Adapter == EspAdapterKind.Webhook;
        if ((options.IsEnabled && webhook) || !string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            if (!WebhookSecret.TryParse(options.SigningSecret, out _, out var problem))
            {
                failures.Add($"{Key(nameof(options.SigningSecret))} {problem}.");
            }
        }

        if (options.Adapter != EspAdapterKind.SendGrid || !options.IsEnabled)
        {
            return;
        }

        var sendGrid = options.SendGrid ?? new SendGridOptions();
        if (string.IsNullOrWhiteSpace(sendGrid.ApiKey) || sendGrid.ApiKey.Any(char.IsWhiteSpace))
        {
            failures.Add($"{Key("SendGrid:ApiKey")} must be set to a SendGrid API key (without spaces) when {Key(nameof(options.Adapter))} is SendGrid.");
        }

        var from = sendGrid.FromEmail?.Trim();
        if (string.IsNullOrEmpty(from) || from.Length > 320 || from.Any(char.IsWhiteSpace)
            || from.IndexOf('@', StringComparison.Ordinal) is var at && (at <= 0 || at == from.Length - 1))
        {
            failures.Add($"{Key("SendGrid:FromEmail")} must be the sender's email address when {Key(nameof(options.Adapter))} is SendGrid.");
        }

        if (sendGrid.UnsubscribeGroupId < 0)
        {
            failures.Add($"{Key("SendGrid:UnsubscribeGroupId")} must be a SendGrid unsubscribe group id, or 0 for none; got {sendGrid.UnsubscribeGroupId}.");
        }
    }

    private static void CheckRetries(DeliveryOptions options, List<string> failures)
    {
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > MaxRequestTimeout)
        {
            failures.Add($"{Key(nameof(options.RequestTimeout))} must be more than 0 and at most {MaxRequestTimeout}; got {options.RequestTimeout}.");
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"{Key(nameof(options.MaxAttempts))} must be between 1 and 100; got {options.MaxAttempts}.");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.RetryDelay > MaxBackoff)
        {
            failures.Add($"{Key(nameof(options.RetryDelay))} must be more than 0 and at most {MaxBackoff}; got {options.RetryDelay}.");
        }

        if (options.MaxRetryDelay < options.RetryDelay || options.MaxRetryDelay > MaxBackoff)
        {
            failures.Add($"{Key(nameof(options.MaxRetryDelay))} must be at least {Key(nameof(options.RetryDelay))} and at most {MaxBackoff}; got {options.MaxRetryDelay}.");
        }
    }

    private static void CheckLimits(DeliveryOptions options, List<string> failures)
    {
        if (options.MaxConcurrency is < 1 or > 1000)
        {
            failures.Add($"{Key(nameof(options.MaxConcurrency))} must be between 1 and 1000; got {options.MaxConcurrency}.");
        }

        if (options.RateLimitPerSecond is < 0 or > 100_000)
        {
            failures.Add($"{Key(nameof(options.RateLimitPerSecond))} must be between 0 (no limit) and 100000; got {options.RateLimitPerSecond}.");
        }

        if (options.MaxSendsInProgress is < 1 or > 100_000)
        {
            failures.Add($"{Key(nameof(options.MaxSendsInProgress))} must be between 1 and 100000; got {options.MaxSendsInProgress}.");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.PollInterval > MaxPollInterval)
        {
            failures.Add($"{Key(nameof(options.PollInterval))} must be more than 0 and at most {MaxPollInterval}; got {options.PollInterval}.");
        }

        if (options.SendLogRetention < TimeSpan.FromDays(1))
        {
            failures.Add($"{Key(nameof(options.SendLogRetention))} must be at least 1.00:00:00 (one day); got {options.SendLogRetention}.");
        }
    }

    private static string Key(string setting) => $"{DeliveryOptions.SectionName}:{setting}";
}
