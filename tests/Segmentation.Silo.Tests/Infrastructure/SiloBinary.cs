using System.Reflection;

namespace Segmentation.Silo.Tests.Infrastructure;

/// <summary>
/// The built silo executable: the apphost next to the <c>Segmentation.Silo.dll</c> that the project reference
/// resolved to (recorded at build time as assembly metadata <c>SiloAssemblyPath</c>; see the test project file).
/// </summary>
internal static class SiloBinary
{
    private const string MetadataKey = "SiloAssemblyPath";

    public static string ExecutablePath { get; } = Locate();

    private static string Locate()
    {
        var assemblyPath = typeof(SiloBinary).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(static a => a.Key == MetadataKey)?.Value;
        if (string.IsNullOrEmpty(assemblyPath))
        {
            throw new InvalidOperationException($"The test assembly carries no '{MetadataKey}' metadata; rebuild the test project.");
        }

        var executable = Path.ChangeExtension(assemblyPath, OperatingSystem.IsWindows() ? ".exe" : null);
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"The silo executable '{executable}' does not exist; build src/Segmentation.Silo (the test project's build does).");
        }

        return executable;
    }
}
