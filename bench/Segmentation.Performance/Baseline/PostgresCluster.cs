using Npgsql;
using Segmentation.Performance.Orchestration;

namespace Segmentation.Performance.Baseline;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's <c>postgresql</c> package: <c>initdb</c> in a new temporary directory,
/// started with <c>pg_ctl</c> on a free port of 127.0.0.1 (socket in the same directory), trust authentication, the
/// package's default settings (fsync and synchronous commit on). PostgreSQL refuses to run as root, so under root
/// its tools run as the package's <c>postgres</c> user. Disposing stops it at once and deletes the directory.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string PackageRoot = "/usr/lib/postgresql";
    private const string ServiceUser = "postgres";

    private readonly string _binDirectory;
    private readonly string _root;
    private bool _started;

    private PostgresCluster(string binDirectory, string root, int port)
    {
        _binDirectory = binDirectory;
        _root = root;
        Port = port;
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The server's version directory, e.g. <c>15</c>.</summary>
    public string Version => Path.GetFileName(Path.GetDirectoryName(_binDirectory)!);

    /// <summary>A connection string to the <c>postgres</c> database as the <c>postgres</c> user.</summary>
    public string ConnectionString(int maxPoolSize = 100) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = ServiceUser,
        Database = "postgres",
        MaxPoolSize = maxPoolSize,
    }.ConnectionString;

    /// <summary>Creates and starts a cluster; throws with the server's log when it cannot.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed, or initdb or the start failed.</exception>
    public static async Task<PostgresCluster> StartAsync(CancellationToken cancellationToken = default)
    {
        var binDirectory = FindBinDirectory()
            ?? throw new InvalidOperationException(
                $"PostgreSQL is not installed (no {PackageRoot}/<version>/bin/initdb): install Debian's package with 'apt-get install -y postgresql'.");
        var root = Directory.CreateTempSubdirectory("segmentation-postgres-").FullName;
        if (OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess)
        {
            // The postgres user creates the data directory and the socket in here.
            File.SetUnixFileMode(root, (UnixFileMode)0b111_111_111);
        }

        var cluster = new PostgresCluster(binDirectory, root, FreePort.Next());
        try
        {
            await cluster.InitializeAndStartAsync(cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The newest installed server's bin directory, or null.</summary>
    public static string? FindBinDirectory() =>
        Directory.Exists(PackageRoot)
            ? Directory.GetDirectories(PackageRoot)
                .Where(static d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderByDescending(static d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(static d => Path.Combine(d, "bin"))
                .FirstOrDefault()
            : null;

    private string DataDirectory => Path.Combine(_root, "data");

    private async Task InitializeAndStartAsync(CancellationToken cancellationToken)
    {
        await RunToolAsync("initdb", ["-D", DataDirectory, "-U", ServiceUser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], cancellationToken)
            .ConfigureAwait(false);
        var settings = $"-c port={Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{_root}'";
        try
        {
            await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-o", settings, "-w", "-t", "60", "start"], cancellationToken)
                .ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            var log = Path.Combine(_root, "server.log");
            throw new InvalidOperationException($"{exception.Message} Server log: {(File.Exists(log) ? await File.ReadAllTextAsync(log, cancellationToken).ConfigureAwait(false) : "none")}", exception);
        }

        _started = true;
    }

    private Task<string> RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_binDirectory, tool);
        return Environment.IsPrivilegedProcess
            ? CommandRunner.RunAsync("runuser", ["-u", ServiceUser, "--", path, .. arguments], cancellationToken)
            : CommandRunner.RunAsync(path, arguments, cancellationToken);
    }

    /// <summary>Stops the server without waiting for clients (immediate mode) and deletes everything.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
            _started = false;
            await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], CancellationToken.None).ConfigureAwait(false);
        }

        Directory.Delete(_root, recursive: true);
    }
}
