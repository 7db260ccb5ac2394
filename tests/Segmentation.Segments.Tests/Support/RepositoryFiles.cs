namespace Segmentation.Segments.Tests.Support;

/// <summary>Files of the repository the tests compare against (found from the test binaries upwards).</summary>
internal static class RepositoryFiles
{
    public static string SegmentRulesDocumentation => Path.Combine(Root(), "docs", "segment-rules.md");

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Segmentation.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (with Segmentation.sln) was not found.");
    }
}
