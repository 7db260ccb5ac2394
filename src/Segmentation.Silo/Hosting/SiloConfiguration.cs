using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace Segmentation.Silo.Hosting;

/// <summary>
/// Where the silo's settings come from. In rising priority: <c>silo-config/appsettings.json</c>,
/// <c>silo-config/appsettings.{Environment}.json</c>, environment variables (<c>Segmentation__DataDirectory</c>),
/// then the command line (<c>--Segmentation:DataDirectory=...</c>).
/// </summary>
internal static class SiloConfiguration
{
    /// <summary>The folder of the settings files, at the repository root and next to the built or published binary.</summary>
    public const string DirectoryName = "silo-config";

    /// <summary>Where Kestrel listens when neither <c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>Urls</c> nor a port or endpoint setting says.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    private const string BaseFileName = "appsettings.json";

    /// <summary>
    /// Adds the settings files of <see cref="DirectoryName"/> just before the environment variables, so that the
    /// environment and the command line still override them. The folder is looked for in the content root first
    /// (the repository root under <c>dotnet run --project src/Segmentation.Silo</c>), then next to the binary.
    /// </summary>
    /// <returns>The folder the settings are read from.</returns>
    public static string AddSiloConfigurationFiles(this WebApplicationBuilder builder)
    {
        var directory = FindDirectory(builder.Environment.ContentRootPath, AppContext.BaseDirectory);
        var reloadOnChange = builder.Configuration.GetValue("hostBuilder:reloadConfigOnChange", defaultValue: true);
        var sources = builder.Configuration.Sources;
        var index = FindEnvironmentVariablesIndex(sources);
        sources.Insert(index, JsonFile(directory, BaseFileName, reloadOnChange));
        sources.Insert(index + 1, JsonFile(directory, $"appsettings.{builder.Environment.EnvironmentName}.json", reloadOnChange));
        return directory;
    }

    /// <summary>Listens on <see cref="DefaultUrls"/> unless the configuration names the addresses or ports.</summary>
    public static void UseDefaultUrlsUnlessConfigured(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured =
            !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey]) ||
            !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey]) ||
            !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey]) ||
            configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured)
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }
    }

    private static string FindDirectory(params string[] roots)
    {
        foreach (var root in roots)
        {
            var candidate = Path.Combine(root, DirectoryName);
            if (File.Exists(Path.Combine(candidate, BaseFileName)))
            {
                return candidate;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, DirectoryName);
    }

    // The application's environment variables: the source without a prefix (DOTNET_ and ASPNETCORE_ ones come earlier).
    private static int FindEnvironmentVariablesIndex(IList<IConfigurationSource> sources)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is EnvironmentVariablesConfigurationSource { Prefix: null or "" })
            {
                return i;
            }
        }

        return sources.Count;
    }

    private static JsonConfigurationSource JsonFile(string directory, string fileName, bool reloadOnChange)
    {
        var source = new JsonConfigurationSource
        {
            Path = Path.Combine(directory, fileName),
            Optional = true,
            ReloadOnChange = reloadOnChange,
        };
        source.ResolveFileProvider();
        return source;
    }
}
