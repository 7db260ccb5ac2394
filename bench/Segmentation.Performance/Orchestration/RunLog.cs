using System.Globalization;

namespace Segmentation.Performance.Orchestration;

/// <summary>Progress lines of a run, with the time since it started, to the console.</summary>
internal sealed class RunLog(TextWriter output)
{
    private readonly System.Diagnostics.Stopwatch _elapsed = System.Diagnostics.Stopwatch.StartNew();

    public void Line(string message) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_elapsed.Elapsed:hh\\:mm\\:ss}] {message}"));
}
