using Segmentation.Runtime;
using Segmentation.Runtime.Storage;
using Segmentation.Storage.Sqlite.Sql;

namespace Segmentation.Storage.Sqlite;

public sealed partial class SqliteSiloStorage
{
    /// <inheritdoc />
    public Task<StoredGrainState?> ReadStateAsync(
        GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        StorageArguments.CheckState(grainId, stateName, data: null, dataRequired: false);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReadConnection();
        using var command = connection.CreateCommand();
        command.CommandText = GrainStateSql.Select;
        command.Parameters.AddWithValue("$grain_type", grainId.Type);
        command.Parameters.AddWithValue("$grain_key", grainId.Key);
        command.Parameters.AddWithValue("$state_name", stateName);
        using var reader = command.ExecuteReader();
        return Task.FromResult(
            reader.Read() ? new StoredGrainState(reader.GetFieldValue<byte[]>(0), reader.GetString(1)) : null);
    }

    /// <inheritdoc />
    /// <remarks>The new etag is a fresh GUID, so an etag is never reused after a clear.</remarks>
    public Task<string> WriteStateAsync(
        GrainId grainId, string stateName, byte[] data, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        StorageArguments.CheckState(grainId, stateName, data, dataRequired: true);
        return WriteAsync(
            commands => InTransaction(commands, () =>
            {
                CheckEtag(commands, grainId, stateName, expectedEtag);
                var etag = Guid.NewGuid().ToString("N");
                var upsert = commands.UpsertState;
                Bind(upsert, 0, grainId.Type);
                Bind(upsert, 1, grainId.Key);
                Bind(upsert, 2, stateName);
                Bind(upsert, 3, etag);
                Bind(upsert, 4, data);
                upsert.ExecuteNonQuery();
                return etag;
            }),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task ClearStateAsync(
        GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        StorageArguments.CheckState(grainId, stateName, data: null, dataRequired: false);
        return WriteAsync(
            commands => InTransaction(commands, () =>
            {
                CheckEtag(commands, grainId, stateName, expectedEtag);
                var delete = commands.DeleteState;
                Bind(delete, 0, grainId.Type);
                Bind(delete, 1, grainId.Key);
                Bind(delete, 2, stateName);
                delete.ExecuteNonQuery();
            }),
            cancellationToken);
    }

    private static void CheckEtag(WriteCommands commands, GrainId grainId, string stateName, string? expectedEtag)
    {
        var select = commands.SelectEtag;
        Bind(select, 0, grainId.Type);
        Bind(select, 1, grainId.Key);
        Bind(select, 2, stateName);
        var storedEtag = select.ExecuteScalar() as string;
        if (!string.Equals(storedEtag, expectedEtag, StringComparison.Ordinal))
        {
            throw new InconsistentStateException(grainId, stateName, expectedEtag, storedEtag);
        }
    }
}
