using Microsoft.Extensions.Options;

namespace Segmentation.Silo.Management;

/// <summary>Refuses management settings the API cannot work with, naming the key by position and name, never by value.</summary>
public sealed class ManagementApiOptionsValidator : IValidateOptions<ManagementApiOptions>
{
    /// <summary>The shortest key accepted.</summary>
    public const int MinKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, ManagementApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var setting = $"{ManagementApiOptions.SectionName}:{nameof(options.ApiKeys)}:{i}";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                failures.Add($"{setting}:{nameof(key.Name)} must name the key's holder.");
            }
            else if (!names.Add(key.Name))
            {
                failures.Add($"{setting}:{nameof(key.Name)} '{key.Name}' is used by another key; names must be unique.");
            }

            if (key.Key is null || key.Key.Length < MinKeyLength || key.Key.Any(char.IsWhiteSpace))
            {
                failures.Add($"{setting}:{nameof(key.Key)} (key '{key.Name}') must be at least {MinKeyLength} characters without whitespace.");
            }
            else if (!keys.Add(key.Key))
            {
                failures.Add($"{setting}:{nameof(key.Key)} (key '{key.Name}') repeats another key's value.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
