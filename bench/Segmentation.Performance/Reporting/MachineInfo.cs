using System.Globalization;
using System.Runtime.InteropServices;

namespace Segmentation.Performance.Reporting;

/// <summary>The machine a run was made on, and how busy it was (other people's work counts too).</summary>
/// <param name="Cores">Logical processors.</param>
/// <param name="MemoryGiB">Memory available to processes.</param>
/// <param name="OperatingSystem">The OS description.</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="LoadAverage">The 1, 5 and 15 minute load averages (empty where the system does not say).</param>
public sealed record MachineInfo(int Cores, double MemoryGiB, string OperatingSystem, string Runtime, IReadOnlyList<double> LoadAverage)
{
    private const string LoadAverageFile = "/proc/loadavg";

    /// <summary>This machine now.</summary>
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        ReadLoadAverage());

    /// <summary>The load averages of <c>/proc/loadavg</c>, or none.</summary>
    public static IReadOnlyList<double> ReadLoadAverage() =>
        File.Exists(LoadAverageFile) ? ParseLoadAverage(File.ReadAllText(LoadAverageFile)) : [];

    /// <summary>The first three numbers of a <c>/proc/loadavg</c> line.</summary>
    public static IReadOnlyList<double> ParseLoadAverage(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var one)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var five)
            && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var fifteen)
            ? [one, five, fifteen]
            : [];
    }
}
