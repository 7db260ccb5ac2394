using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Segmentation.Import.Cli;

/// <summary>A progress column showing items per second, from the count kept in the task's state under <see cref="CountKey"/>.</summary>
internal sealed class RateColumn : ProgressColumn
{
    public const string CountKey = "count";

    public const string UnitKey = "unit";

    private static readonly string[] Units = ["rows", "events"];

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var count = task.State.Get<double>(CountKey);
        var seconds = task.ElapsedTime?.TotalSeconds ?? 0;
        var unit = Units[Math.Clamp(task.State.Get<int>(UnitKey), 0, Units.Length - 1)];
        var rate = seconds > 0 ? count / seconds : 0;
        return new Text(string.Create(CultureInfo.InvariantCulture, $"{count:N0} {unit}, {rate:N0} {unit}/s"), Style.Plain);
    }
}
