using Microsoft.Extensions.Options;

namespace Segmentation.Silo.Tracking;

/// <summary>
/// Refuses tracking settings the silo cannot work with, naming each setting by its configuration key. Messages
/// name write keys by their index and name, never by their value.
/// </summary>
public sealed class TrackingOptionsValidator : IValidateOptions<TrackingOptions>
{
    /// <summary>The shortest write key accepted: a short secret can be guessed.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>The longest <see cref="TrackingOptions.RetryAfter"/>.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    /// <summary>The longest <see cref="TrackingOptions.FutureTimestampTolerance"/>.</summary>
    public static readonly TimeSpan MaxFutureTimestampTolerance = TimeSpan.FromDays(1);

    private const string Section = TrackingOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, TrackingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ValidateWriteKeys(options.WriteKeys, failures);
        if (options.Limits is null)
        {
            failures.Add($"{Section}:{nameof(options.Limits)} must be an object.");
        }
        else
        {
            failures.AddRange(options.Limits.Validate().Select(static error => $"{Section}:{nameof(TrackingOptions.Limits)}:{error}"));
        }

        if (options.MaxPendingEvents < 1)
        {
            failures.Add($"{Section}:{nameof(options.MaxPendingEvents)} must be positive; got {options.MaxPendingEvents}.");
        }

        if (options.RetryAfter < TimeSpan.FromSeconds(1) || options.RetryAfter > MaxRetryAfter)
        {
            failures.Add($"{Section}:{nameof(options.RetryAfter)} must be between 00:00:01 and {MaxRetryAfter}; got {options.RetryAfter}.");
        }

        if (options.FutureTimestampTolerance < TimeSpan.Zero || options.FutureTimestampTolerance > MaxFutureTimestampTolerance)
        {
            failures.Add(
                $"{Section}:{nameof(options.FutureTimestampTolerance)} must be between 00:00:00 and {MaxFutureTimestampTolerance}; "
                + $"got {options.FutureTimestampTolerance}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateWriteKeys(List<TrackingWriteKey>? keys, List<string> failures)
    {
        if (keys is null)
        {
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            var entry = keys[i];
            var prefix = $"{Section}:{nameof(TrackingOptions.WriteKeys)}:{i}";
            if (entry is null)
            {
                failures.Add($"{prefix} must be an object with Key, Name and Revoked.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                failures.Add($"{prefix}:{nameof(entry.Name)} must name the source the key belongs to.");
            }

            var key = entry.Key ?? string.Empty;
            if (key.Length < MinimumKeyLength)
            {
                failures.Add($"{prefix}:{nameof(entry.Key)} must be at least {MinimumKeyLength} characters long.");
            }
            else if (key.Contains(':', StringComparison.Ordinal) || key.Trim().Length != key.Length || key.Any(char.IsControl))
            {
                failures.Add(
                    $"{prefix}:{nameof(entry.Key)} may contain neither a colon (it is sent as the HTTP Basic user name), "
                    + "nor control characters, nor leading or trailing white space.");
            }
            else if (!seen.TryAdd(key, i))
            {
                failures.Add($"{prefix}:{nameof(entry.Key)} is the same key as {Section}:{nameof(TrackingOptions.WriteKeys)}:{seen[key]}:{nameof(entry.Key)}.");
            }
        }
    }
}
