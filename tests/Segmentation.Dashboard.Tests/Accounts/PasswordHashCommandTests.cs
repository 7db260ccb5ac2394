using Segmentation.Silo.Dashboard.Accounts;

namespace Segmentation.Dashboard.Tests.Accounts;

public sealed class PasswordHashCommandTests
{
    [Fact]
    public void Run_PasswordOnStandardInput_PrintsHashThatVerifiesOnlyThatPassword()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = PasswordHashCommand.Run(new StringReader("correct horse battery staple\n"), output, error, interactive: false);

        var hash = output.ToString().Trim();
        Assert.Equal(0, exitCode);
        Assert.True(DashboardPasswordHasher.IsWellFormed(hash));
        Assert.True(DashboardPasswordHasher.Verify(hash, "correct horse battery staple"));
        Assert.False(DashboardPasswordHasher.Verify(hash, "correct horse battery stapl"));
        Assert.DoesNotContain("correct horse", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoPassword_ExitsWithUsageError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = PasswordHashCommand.Run(new StringReader(string.Empty), output, error, interactive: false);

        Assert.Equal(64, exitCode);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void Hash_SamePasswordTwice_SaltsEachHash()
    {
        Assert.NotEqual(DashboardPasswordHasher.Hash("same password"), DashboardPasswordHasher.Hash("same password"));
    }
}
