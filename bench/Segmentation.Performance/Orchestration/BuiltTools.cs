namespace Segmentation.Performance.Orchestration;

/// <summary>
/// The executables a run starts: the silo, the load generator, and this tool (for the baseline server), built with
/// the same configuration, target framework and runtime identifier as this tool.
/// </summary>
/// <param name="Silo">The silo's apphost.</param>
/// <param name="LoadGenerator">The load generator's apphost.</param>
/// <param name="Self">This tool's apphost.</param>
public sealed record BuiltTools(string Silo, string LoadGenerator, string Self)
{
    /// <summary>
    /// The tools next to this one in the repository's build output: this tool runs from
    /// <c>bench/Segmentation.Performance/bin/{configuration}/{tfm}/{rid}/</c>, the silo from
    /// <c>src/Segmentation.Silo/bin/{configuration}/{tfm}/{rid}/</c>, and so on.
    /// </summary>
    public static BuiltTools Locate()
    {
        var baseDirectory = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        var self = Path.Combine(baseDirectory, Name("Segmentation.Performance"));
        var projectDirectory = baseDirectory;
        var output = new Stack<string>();
        while (Path.GetFileName(projectDirectory) != "bin")
        {
            output.Push(Path.GetFileName(projectDirectory));
            projectDirectory = Path.GetDirectoryName(projectDirectory)
                ?? throw new InvalidOperationException($"'{baseDirectory}' is not inside a project's bin folder.");
        }

        var repository = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(projectDirectory)))!;
        var outputPath = Path.Combine([.. output]);
        return new BuiltTools(
            Path.Combine(repository, "src", "Segmentation.Silo", "bin", outputPath, Name("Segmentation.Silo")),
            Path.Combine(repository, "src", "Segmentation.LoadGenerator", "bin", outputPath, Name("Segmentation.LoadGenerator")),
            self);
    }

    /// <summary>The executables that do not exist (none when all are built).</summary>
    public IReadOnlyList<string> Missing() => [.. new[] { Silo, LoadGenerator, Self }.Where(static path => !File.Exists(path))];

    private static string Name(string assembly) => OperatingSystem.IsWindows() ? assembly + ".exe" : assembly;
}
