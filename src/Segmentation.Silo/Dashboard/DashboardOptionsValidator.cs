using Microsoft.Extensions.Options;
using Segmentation.Silo.Dashboard.Accounts;

namespace Segmentation.Silo.Dashboard;

/// <summary>Refuses dashboard settings it cannot work with, naming accounts by position, never by name or hash.</summary>
public sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var userNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Accounts.Count; i++)
        {
            var account = options.Accounts[i];
            var setting = $"{DashboardOptions.SectionName}:{nameof(options.Accounts)}:{i}";
            if (string.IsNullOrWhiteSpace(account.UserName))
            {
                failures.Add($"{setting}:{nameof(account.UserName)} must not be empty.");
            }
            else if (!userNames.Add(account.UserName))
            {
                failures.Add($"{setting}:{nameof(account.UserName)} repeats the user name of an earlier account.");
            }

            if (!DashboardPasswordHasher.IsWellFormed(account.PasswordHash))
            {
                failures.Add($"{setting}:{nameof(account.PasswordHash)} must be a password hash made with 'Segmentation.Silo hash-password'.");
            }

            if (!Enum.IsDefined(account.Role))
            {
                failures.Add($"{setting}:{nameof(account.Role)} must be Viewer or Editor.");
            }
        }

        if (options.LiveUpdateInterval < TimeSpan.FromMilliseconds(100))
        {
            failures.Add($"{DashboardOptions.SectionName}:{nameof(options.LiveUpdateInterval)} must be at least 00:00:00.1; got {options.LiveUpdateInterval}.");
        }

        if (options.SessionLifetime <= TimeSpan.Zero)
        {
            failures.Add($"{DashboardOptions.SectionName}:{nameof(options.SessionLifetime)} must be a positive duration; got {options.SessionLifetime}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
