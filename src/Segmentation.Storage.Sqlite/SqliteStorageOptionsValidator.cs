using Microsoft.Extensions.Options;

namespace Segmentation.Storage.Sqlite;

/// <summary>Checks <see cref="SqliteStorageOptions"/>; <see cref="SqliteSiloStorage"/> runs it on construction.</summary>
public sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{nameof(SqliteStorageOptions.DataDirectory)} must name a directory.");
        }
        else if (options.DataDirectory.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{nameof(SqliteStorageOptions.DataDirectory)} '{options.DataDirectory}' contains invalid path characters.");
        }

        if (!Enum.IsDefined(options.Synchronous))
        {
            failures.Add($"{nameof(SqliteStorageOptions.Synchronous)} must be Full or Normal; got {options.Synchronous}.");
        }

        if (options.WriteCacheSizeKib < 64)
        {
            failures.Add($"{nameof(SqliteStorageOptions.WriteCacheSizeKib)} must be at least 64; got {options.WriteCacheSizeKib}.");
        }

        if (options.WalAutoCheckpointPages < 1)
        {
            failures.Add($"{nameof(SqliteStorageOptions.WalAutoCheckpointPages)} must be at least 1; got {options.WalAutoCheckpointPages}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
