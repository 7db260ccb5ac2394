using System.Text.Json.Serialization;

namespace Segmentation.LoadGenerator.Reporting;

/// <summary>Source-generated JSON for <see cref="LoadReport"/> (camelCase, indented).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(LoadReport))]
public sealed partial class LoadReportJsonContext : JsonSerializerContext
{
}
