using System.Text.Json.Serialization;

namespace Segmentation.Silo.Management;

/// <summary>Source-generated JSON metadata of the timeline cursor.</summary>
[JsonSerializable(typeof(TimelineCursor))]
internal sealed partial class ManagementJsonContext : JsonSerializerContext;
