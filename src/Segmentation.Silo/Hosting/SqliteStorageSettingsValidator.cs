using Microsoft.Extensions.Options;
using Segmentation.Storage.Sqlite;

namespace Segmentation.Silo.Hosting;

/// <summary>
/// Runs <see cref="SqliteStorageOptionsValidator"/> and names each failing setting by its configuration key
/// (<c>Segmentation:Sqlite:WriteCacheSizeKib</c> rather than <c>WriteCacheSizeKib</c>), so that the one line the
/// silo prints when it refuses to start says where to look.
/// </summary>
internal sealed class SqliteStorageSettingsValidator : IValidateOptions<SqliteStorageOptions>
{
    private readonly SqliteStorageOptionsValidator _inner = new();

    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        var result = _inner.Validate(name, options);
        if (!result.Failed)
        {
            return result;
        }

        return ValidateOptionsResult.Fail(result.Failures?.Select(ToConfigurationKey) ?? [result.FailureMessage]);
    }

    private static string ToConfigurationKey(string failure) =>
        failure.StartsWith(nameof(SqliteStorageOptions.DataDirectory), StringComparison.Ordinal)
            ? $"{SiloHostOptions.SectionName}:{failure}"
            : $"{SiloHostBuilderExtensions.SqliteSectionName}:{failure}";
}
