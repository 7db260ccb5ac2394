using Segmentation.Performance.Baseline;

namespace Segmentation.Performance.Tests;

/// <summary>One throwaway PostgreSQL cluster for the tests of a class; each test makes its own database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private int _databases;

    public PostgresCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await PostgresCluster.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}";
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(Cluster.ConnectionString());
        await using var command = dataSource.CreateCommand($"create database {name}");
        await command.ExecuteNonQueryAsync();
        return new Npgsql.NpgsqlConnectionStringBuilder(Cluster.ConnectionString()) { Database = name }.ConnectionString;
    }
}
