namespace Segmentation.Storage.Sqlite.Sql;

/// <summary>Statements of grain state with etags.</summary>
internal static class GrainStateSql
{
    public const string Select = """
        SELECT data, etag FROM grain_state
        WHERE grain_type = $grain_type AND grain_key = $grain_key AND state_name = $state_name;
        """;

    public const string SelectEtag = """
        SELECT etag FROM grain_state
        WHERE grain_type = $grain_type AND grain_key = $grain_key AND state_name = $state_name;
        """;

    public const string Upsert = """
        INSERT INTO grain_state (grain_type, grain_key, state_name, etag, data)
        VALUES ($grain_type, $grain_key, $state_name, $etag, $data)
        ON CONFLICT (grain_type, grain_key, state_name) DO UPDATE SET etag = excluded.etag, data = excluded.data;
        """;

    public const string Delete = """
        DELETE FROM grain_state
        WHERE grain_type = $grain_type AND grain_key = $grain_key AND state_name = $state_name;
        """;
}
