using Microsoft.Extensions.Options;

namespace Segmentation.Grains.Segments;

/// <summary>Refuses backfill settings that could not make progress, naming the setting.</summary>
public sealed class SegmentBackfillOptionsValidator : IValidateOptions<SegmentBackfillOptions>
{
    public ValidateOptionsResult Validate(string? name, SegmentBackfillOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.BatchSize < 1)
        {
            failures.Add($"{SegmentBackfillOptions.SectionName}:{nameof(options.BatchSize)} must be at least 1; got {options.BatchSize}.");
        }

        if (options.MaxAppendsInFlight < 1)
        {
            failures.Add($"{SegmentBackfillOptions.SectionName}:{nameof(options.MaxAppendsInFlight)} must be at least 1; got {options.MaxAppendsInFlight}.");
        }

        if (options.MaxOutstanding < options.BatchSize)
        {
            failures.Add($"{SegmentBackfillOptions.SectionName}:{nameof(options.MaxOutstanding)} must be at least {nameof(options.BatchSize)} ({options.BatchSize}); got {options.MaxOutstanding}.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{SegmentBackfillOptions.SectionName}:{nameof(options.PollInterval)} must be a positive duration; got {options.PollInterval}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
