using Microsoft.Extensions.Options;

namespace Segmentation.Runtime.Configuration;

/// <summary>Refuses settings the runtime cannot work with, naming the setting.</summary>
public sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        var failures = new List<string>();
        if (options.PartitionCount is < 1 or > 65_536)
        {
            failures.Add($"{SiloOptions.SectionName}:PartitionCount must be between 1 and 65536; got {options.PartitionCount}.");
        }

        RequirePositive(failures, nameof(options.ActivationCollectionAge), options.ActivationCollectionAge);
        RequirePositive(failures, nameof(options.ActivationCollectionInterval), options.ActivationCollectionInterval);
        RequirePositive(failures, nameof(options.ResponseTimeout), options.ResponseTimeout);
        RequirePositive(failures, nameof(options.CheckpointInterval), options.CheckpointInterval);
        RequirePositive(failures, nameof(options.ReminderLookAhead), options.ReminderLookAhead);
        if (options.MaxSnapshotDelay < TimeSpan.Zero)
        {
            failures.Add($"{SiloOptions.SectionName}:{nameof(options.MaxSnapshotDelay)} must not be negative (zero snapshots at every checkpoint); got {options.MaxSnapshotDelay}.");
        }

        if (options.SnapshotAfterRecords < 1)
        {
            failures.Add($"{SiloOptions.SectionName}:SnapshotAfterRecords must be at least 1; got {options.SnapshotAfterRecords}.");
        }
        if (options.LogRetention < TimeSpan.Zero)
        {
            failures.Add($"{SiloOptions.SectionName}:{nameof(options.LogRetention)} must not be negative (zero deletes records at each checkpoint); got {options.LogRetention}.");
        }

        if (options.MaxActivations < 1)
        {
            failures.Add($"{SiloOptions.SectionName}:MaxActivations must be at least 1; got {options.MaxActivations}.");
        }

        if (options.MaxAppendBatch < 1)
        {
            failures.Add($"{SiloOptions.SectionName}:MaxAppendBatch must be at least 1; got {options.MaxAppendBatch}.");
        }

        if (options.CatchUpRecordsInFlight < 1)
        {
            failures.Add($"{SiloOptions.SectionName}:CatchUpRecordsInFlight must be at least 1; got {options.CatchUpRecordsInFlight}.");
        }

        if (options.ReminderLoadBatch < 1)
        {
            failures.Add($"{SiloOptions.SectionName}:ReminderLoadBatch must be at least 1; got {options.ReminderLoadBatch}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{SiloOptions.SectionName}:{setting} must be a positive duration; got {value}.");
        }
    }
}
