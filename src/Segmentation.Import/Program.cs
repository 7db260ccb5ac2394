using Segmentation.Import.Cli;
using Spectre.Console;

namespace Segmentation.Import;

/// <summary>The entry point: <c>dotnet run --project src/Segmentation.Import -- orders &lt;file.csv&gt; --endpoint ... --write-key ...</c>.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => ImportCli.RunAsync(args, AnsiConsole.Console);
}
