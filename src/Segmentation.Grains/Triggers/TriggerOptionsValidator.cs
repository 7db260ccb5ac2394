using Microsoft.Extensions.Options;

namespace Segmentation.Grains.Triggers;

/// <summary>
/// Refuses trigger settings the engine cannot work with, naming each by its configuration key
/// (<c>Segmentation:Triggers:CartAbandonment:Delay must be from 1 minute to 30 days; got 00:00:00.</c>).
/// </summary>
public sealed class TriggerOptionsValidator : IValidateOptions<TriggerOptions>
{
    public ValidateOptionsResult Validate(string? name, TriggerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Guardrails is null)
        {
            failures.Add($"{TriggerOptions.SectionName}:{nameof(options.Guardrails)} is missing.");
        }
        else
        {
            failures.AddRange(options.Guardrails.Validate().Select(static e =>
                $"{TriggerOptions.SectionName}:{nameof(TriggerOptions.Guardrails)}:{e.Message}"));
        }

        foreach (var settings in options.Triggers())
        {
            var key = TriggerOptions.KeyOf(settings.Trigger);
            failures.AddRange(settings.Validate().Select(e => $"{key}:{e.Message}"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
