namespace Segmentation.Dashboard.Tests.Infrastructure;

/// <summary>A directory of its own under the system's temporary directory, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("segmentation-dashboard-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
