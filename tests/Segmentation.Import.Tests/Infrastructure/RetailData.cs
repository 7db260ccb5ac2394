namespace Segmentation.Import.Tests.Infrastructure;

/// <summary>
/// Finds the shared data sets: the tests run from a clone with <c>shared/</c> beside the repository root, so the
/// data is at <c>&lt;repo&gt;/../shared/data/...</c>. The repository root is the first directory above the test
/// assembly that holds <c>Segmentation.sln</c>.
/// </summary>
internal static class RetailData
{
    public const string LinesSampleName = "online_retail_lines_sample30k.csv";

    public static string LinesSamplePath => Locate(Path.Combine("data", "online-retail", LinesSampleName));

    public static string Locate(string relativeToShared)
    {
        var start = AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Segmentation.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", relativeToShared));
                Assert.True(
                    File.Exists(path),
                    $"The shared data file is missing: expected {path} (the tests expect shared/ beside the repository root, i.e. <repo>/../shared/{relativeToShared.Replace('\\', '/')}).");
                return path;
            }
        }

        Assert.Fail($"No Segmentation.sln above {start}: cannot locate <repo>/../shared/{relativeToShared.Replace('\\', '/')}.");
        return string.Empty;
    }
}
