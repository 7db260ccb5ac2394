namespace Segmentation.Performance.Baseline;

/// <summary>The settings of a <see cref="BaselineServer"/>.</summary>
public sealed class BaselineServerOptions
{
    /// <summary>The PostgreSQL connection string (its database gets the baseline's tables).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The port on 127.0.0.1; 0 (the default) for any free one.</summary>
    public int Port { get; init; }

    /// <summary>The write key accepted as the HTTP Basic user name; the load generator's default.</summary>
    public string WriteKey { get; init; } = "segmentation-development-write-key";

    /// <summary>How often the segment counts are recomputed; 60 s by default.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Connections to PostgreSQL at most (requests beyond it wait for one); 64 by default, the load generator's concurrency.</summary>
    public int MaxConnections { get; init; } = 64;

    /// <summary>One message per invalid setting (none when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add("The connection string is required.");
        }

        if (Port is < 0 or > 65535)
        {
            problems.Add("The port must be between 0 and 65535.");
        }

        if (string.IsNullOrEmpty(WriteKey))
        {
            problems.Add("The write key must not be empty.");
        }

        if (RefreshInterval < TimeSpan.FromMilliseconds(100))
        {
            problems.Add("The refresh interval must be at least 100 ms.");
        }

        if (MaxConnections is < 1 or > 1000)
        {
            problems.Add("The connections must be between 1 and 1000.");
        }

        return problems;
    }
}
