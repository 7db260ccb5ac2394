namespace Segmentation.Performance.Baseline;

/// <summary>The baseline's SQL files, embedded next to this type (<c>Sql/*.sql</c>).</summary>
internal static class BaselineSql
{
    /// <summary>Creates the events and customers tables.</summary>
    public static string Schema { get; } = Read("schema.sql");

    /// <summary>Inserts one event and upserts its customer.</summary>
    public static string ApplyEvent { get; } = Read("apply-event.sql");

    private static string Read(string name)
    {
        var resource = $"{typeof(BaselineSql).Namespace}.Sql.{name}";
        using var stream = typeof(BaselineSql).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded SQL '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
