using System.Text.Json.Serialization;

namespace Segmentation.Performance.Reporting;

/// <summary>Source-generated JSON for <see cref="BenchmarkReport"/> (camelCase, indented).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BenchmarkReport))]
public sealed partial class BenchmarkReportJsonContext : JsonSerializerContext
{
}
