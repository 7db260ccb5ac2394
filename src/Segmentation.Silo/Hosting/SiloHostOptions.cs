namespace Segmentation.Silo.Hosting;

/// <summary>
/// Settings of the silo host; bound from the <c>Segmentation</c> configuration section and checked at start by
/// <see cref="SiloHostOptionsValidator"/>. The runtime's own settings live in <c>Segmentation:Silo</c>, the SQLite
/// store's in <c>Segmentation:Sqlite</c>.
/// </summary>
public sealed class SiloHostOptions
{
    public const string SectionName = "Segmentation";

    /// <summary>
    /// The directory of the embedded SQLite store (created when missing). A relative path is resolved against the
    /// current directory of the process. One silo process at a time may use it. Default: <c>data</c>.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// How long a graceful stop (SIGTERM, Ctrl+C) may take: the web server drains its requests, then the silo
    /// flushes accepted appends, collects its activations and checkpoints every partition. Default: 30 seconds.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
