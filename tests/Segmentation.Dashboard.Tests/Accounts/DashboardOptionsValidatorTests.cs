using Segmentation.Silo.Dashboard;
using Segmentation.Silo.Dashboard.Accounts;

namespace Segmentation.Dashboard.Tests.Accounts;

public sealed class DashboardOptionsValidatorTests
{
    private static readonly string Hash = DashboardPasswordHasher.Hash("a password");

    [Fact]
    public void Validate_WellFormedAccounts_Succeeds()
    {
        var options = new DashboardOptions
        {
            Accounts = [new() { UserName = "jane", PasswordHash = Hash, Role = DashboardRole.Editor }, new() { UserName = "joe", PasswordHash = Hash }],
        };

        Assert.True(new DashboardOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_PlainPasswordDuplicateNameAndBadInterval_NamesEachSettingButNoSecret()
    {
        var options = new DashboardOptions
        {
            Accounts =
            [
                new() { UserName = "jane", PasswordHash = Hash },
                new() { UserName = "JANE", PasswordHash = "my-plain-password" },
                new() { UserName = " ", PasswordHash = Hash },
            ],
            LiveUpdateInterval = TimeSpan.Zero,
        };

        var result = new DashboardOptionsValidator().Validate(null, options);

        var failures = Assert.IsAssignableFrom<IEnumerable<string>>(result.Failures).ToList();
        Assert.Contains("Segmentation:Dashboard:Accounts:1:UserName repeats the user name of an earlier account.", failures);
        Assert.Contains(failures, f => f.StartsWith("Segmentation:Dashboard:Accounts:1:PasswordHash must be a password hash", StringComparison.Ordinal));
        Assert.Contains("Segmentation:Dashboard:Accounts:2:UserName must not be empty.", failures);
        Assert.Contains(failures, f => f.StartsWith("Segmentation:Dashboard:LiveUpdateInterval", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("my-plain-password", StringComparison.Ordinal) || f.Contains("jane", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Authenticate_UserNameInAnyCase_SignsInWithTheAccountsRole()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new DashboardOptions
        {
            Accounts = [new() { UserName = "jane", PasswordHash = Hash, Role = DashboardRole.Editor }],
        });
        var authenticator = new DashboardAccountAuthenticator(options);

        var principal = authenticator.Authenticate("JANE", "a password");

        Assert.NotNull(principal);
        Assert.True(principal.IsInRole(DashboardPrincipal.EditorRole));
        Assert.True(principal.IsInRole(DashboardPrincipal.ViewerRole));
        Assert.Null(authenticator.Authenticate("jane", "another password"));
        Assert.Null(authenticator.Authenticate("joe", "a password"));
    }
}
