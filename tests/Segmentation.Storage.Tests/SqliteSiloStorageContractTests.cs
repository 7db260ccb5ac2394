using Segmentation.Runtime.Storage;
using Segmentation.Storage.Sqlite;

namespace Segmentation.Storage.Tests;

/// <summary>The storage contract, run against <see cref="SqliteSiloStorage"/> in a fresh temp directory per test.</summary>
public sealed class SqliteSiloStorageContractTests : SiloStorageContractTests
{
    private readonly TemporaryDirectory _directory = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }

    protected override ISiloStorage CreateStorage() =>
        new SqliteSiloStorage(new SqliteStorageOptions { DataDirectory = _directory.Path });
}
