using Microsoft.Extensions.Options;

namespace Segmentation.Silo.Hosting;

/// <summary>Refuses host settings the silo cannot work with, naming the setting.</summary>
public sealed class SiloHostOptionsValidator : IValidateOptions<SiloHostOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{SiloHostOptions.SectionName}:{nameof(options.DataDirectory)} must name a directory.");
        }
        else if (options.DataDirectory.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{SiloHostOptions.SectionName}:{nameof(options.DataDirectory)} '{options.DataDirectory}' contains invalid path characters.");
        }

        if (options.ShutdownTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{SiloHostOptions.SectionName}:{nameof(options.ShutdownTimeout)} must be a positive duration; got {options.ShutdownTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
