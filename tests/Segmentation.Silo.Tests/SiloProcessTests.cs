using Segmentation.Silo.Hosting;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Storage.Sqlite;

namespace Segmentation.Silo.Tests;

/// <summary>The built silo executable, started as a real process: readiness, SIGTERM, and refusals to start.</summary>
public sealed class SiloProcessTests
{
    [Fact]
    public async Task Start_NewDataDirectory_BecomesReadyAndExitsZeroOnSigterm()
    {
        using var guard = HangGuard.Start();
        using var temp = new TempDirectory();
        await using var silo = SiloProcess.Start(temp.Combine("data"));

        await silo.WaitUntilReadyAsync(guard.Token);
        var exitCode = await silo.StopGracefullyAsync(guard.Token);

        Assert.True(exitCode == SiloExitCodes.Success, $"Exit code {exitCode}.{silo.Describe()}");
        Assert.Equal(string.Empty, silo.StandardError);
        Assert.True(File.Exists(Path.Combine(silo.DataDirectory, SqliteSiloStorage.DatabaseFileName)));
    }

    [Fact]
    public async Task Start_AfterGracefulStop_OpensTheSameDataDirectoryAgain()
    {
        using var guard = HangGuard.Start();
        using var temp = new TempDirectory();
        await using (var first = SiloProcess.Start(temp.Combine("data")))
        {
            await first.WaitUntilReadyAsync(guard.Token);
            Assert.Equal(SiloExitCodes.Success, await first.StopGracefullyAsync(guard.Token));
        }

        await using var second = SiloProcess.Start(temp.Combine("data"));
        await second.WaitUntilReadyAsync(guard.Token);
        var exitCode = await second.StopGracefullyAsync(guard.Token);

        Assert.True(exitCode == SiloExitCodes.Success, $"Exit code {exitCode}.{second.Describe()}");
    }

    [Fact]
    public async Task Start_DataDirectoryHeldByAnotherSilo_ExitsNonZeroSayingItIsInUse()
    {
        using var guard = HangGuard.Start();
        using var temp = new TempDirectory();
        await using var first = SiloProcess.Start(temp.Combine("data"));
        await first.WaitUntilReadyAsync(guard.Token);

        await using var second = SiloProcess.Start(temp.Combine("data"));
        var exitCode = await second.WaitForExitAsync(guard.Token);

        Assert.Equal(SiloExitCodes.StorageUnavailable, exitCode);
        var line = AssertOneLine(second);
        Assert.Contains("in use by another silo process", line, StringComparison.Ordinal);
        Assert.Equal(SiloExitCodes.Success, await first.StopGracefullyAsync(guard.Token));
    }

    [Fact]
    public async Task Start_CorruptDatabaseFile_ExitsNonZeroSayingCorruptAndLeavesFileUntouched()
    {
        using var guard = HangGuard.Start();
        using var temp = new TempDirectory();
        var dataDirectory = Directory.CreateDirectory(temp.Combine("data")).FullName;
        var databasePath = Path.Combine(dataDirectory, SqliteSiloStorage.DatabaseFileName);
        var garbage = new byte[16 * 1024];
        new Random(20_240_611).NextBytes(garbage);
        await File.WriteAllBytesAsync(databasePath, garbage, guard.Token);

        await using var silo = SiloProcess.Start(dataDirectory);
        var exitCode = await silo.WaitForExitAsync(guard.Token);

        Assert.Equal(SiloExitCodes.StorageUnavailable, exitCode);
        var line = AssertOneLine(silo);
        Assert.Contains("corrupt", line, StringComparison.Ordinal);
        Assert.Contains(databasePath, line, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(databasePath, guard.Token));
    }

    [Fact]
    public async Task Start_DataDirectoryIsARegularFile_ExitsNonZeroNamingThePath()
    {
        using var guard = HangGuard.Start();
        using var temp = new TempDirectory();
        var path = temp.Combine("not-a-directory");
        await File.WriteAllTextAsync(path, "a file where the data directory should be", guard.Token);

        await using var silo = SiloProcess.Start(path);
        var exitCode = await silo.WaitForExitAsync(guard.Token);

        Assert.Equal(SiloExitCodes.StorageUnavailable, exitCode);
        var line = AssertOneLine(silo);
        Assert.Contains($"The data directory '{path}' cannot be created", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidSetting_ExitsNonZeroNamingTheSetting()
    {
        using var guard = HangGuard.Start();
        using var temp = new TempDirectory();

        await using var silo = SiloProcess.Start(
            temp.Combine("data"),
            new Dictionary<string, string?> { ["Segmentation__Silo__PartitionCount"] = "0" });
        var exitCode = await silo.WaitForExitAsync(guard.Token);

        Assert.Equal(SiloExitCodes.InvalidConfiguration, exitCode);
        var line = AssertOneLine(silo);
        Assert.Contains("invalid configuration: Segmentation:Silo:PartitionCount must be between 1 and 65536; got 0.", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(silo.DataDirectory), "Nothing is created when the settings are refused.");
    }

    // A refusal to start is exactly one line on standard error: the reason, without a stack trace.
    private static string AssertOneLine(SiloProcess silo)
    {
        var lines = silo.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"Expected one line on stderr.{silo.Describe()}");
        Assert.StartsWith(StartupFailure.Prefix, lines[0], StringComparison.Ordinal);
        return lines[0];
    }
}
