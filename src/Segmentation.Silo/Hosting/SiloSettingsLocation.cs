namespace Segmentation.Silo.Hosting;

/// <summary>The folder the silo's settings files were read from (logged at start).</summary>
internal sealed record SiloSettingsLocation(string Directory)
{
    public bool HasBaseFile => File.Exists(Path.Combine(Directory, "appsettings.json"));
}
