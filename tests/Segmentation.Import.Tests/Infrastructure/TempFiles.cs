namespace Segmentation.Import.Tests.Infrastructure;

/// <summary>A temporary directory for a test's files, deleted on dispose.</summary>
internal sealed class TempFiles : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("segmentation-import-").FullName;

    public string NewPath(string extension) => Path.Combine(_directory, Guid.NewGuid().ToString("N") + extension);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still open elsewhere is left for the OS to clean up.
        }
    }
}
