using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Segmentation.Silo.Dashboard.Accounts;

/// <summary>
/// Checks a user name and password against <see cref="DashboardOptions.Accounts"/>. An unknown name costs the same
/// hash computation as a wrong password, so the timing does not tell which names exist.
/// </summary>
internal sealed class DashboardAccountAuthenticator
{
    private readonly Dictionary<string, DashboardAccount> _accounts;
    private readonly string _decoyHash = DashboardPasswordHasher.Hash(Guid.NewGuid().ToString("N"));

    public DashboardAccountAuthenticator(IOptions<DashboardOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _accounts = options.Value.Accounts.ToDictionary(static a => a.UserName, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Accounts that can sign in.</summary>
    public int AccountCount => _accounts.Count;

    /// <summary>The signed-in principal of the account, or null when the name or the password is wrong.</summary>
    public ClaimsPrincipal? Authenticate(string? userName, string? password)
    {
        var known = _accounts.TryGetValue(userName ?? string.Empty, out var account);
        var verified = DashboardPasswordHasher.Verify(account?.PasswordHash ?? _decoyHash, password ?? string.Empty);
        return known && verified ? DashboardPrincipal.For(account!) : null;
    }
}
