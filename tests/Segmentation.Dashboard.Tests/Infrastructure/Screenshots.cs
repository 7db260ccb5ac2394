namespace Segmentation.Dashboard.Tests.Infrastructure;

/// <summary>
/// Where the browser tests save a screenshot of each page they visit: <c>artifacts/screenshots/</c> at the repository
/// root (ignored by git), next to the test results of <c>scripts/test.sh</c>.
/// </summary>
public static class Screenshots
{
    public static string Directory { get; } = Locate();

    public static string PathFor(string name) => System.IO.Path.Combine(Directory, name + ".png");

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Segmentation.sln")))
            {
                return System.IO.Directory.CreateDirectory(System.IO.Path.Combine(directory.FullName, "artifacts", "screenshots")).FullName;
            }
        }

        return System.IO.Directory.CreateDirectory(System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
    }
}
