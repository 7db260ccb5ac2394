using System.Globalization;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Segmentation.Delivery;
using Segmentation.Runtime.Hosting;
using Segmentation.Silo.Health;
using Segmentation.Storage.Sqlite;

namespace Segmentation.Silo.Hosting;

/// <summary>
/// Composes the silo host: settings from <c>silo-config/</c>, the environment and the command line; the runtime
/// on the embedded SQLite store; health checks; ProblemDetails; request logging; the graceful-stop timeout.
/// </summary>
public static class SiloHostBuilderExtensions
{
    /// <summary>The configuration section of <see cref="SqliteStorageOptions"/> (its data directory is <c>Segmentation:DataDirectory</c>).</summary>
    public const string SqliteSectionName = "Segmentation:Sqlite";

    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>
    /// Adds the silo host. Features then add their grains to the returned builder (or call
    /// <c>Services.AddSegmentationSilo()</c> again, which returns the same silo) and their own services.
    /// Safe to call twice.
    /// </summary>
    public static SiloBuilder AddSegmentationSiloHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(static d => d.ServiceType == typeof(SiloSettingsLocation)))
        {
            return services.AddSegmentationSilo();
        }

        var settingsDirectory = builder.AddSiloConfigurationFiles();
        builder.UseDefaultUrlsUnlessConfigured();
        services.AddSingleton(new SiloSettingsLocation(settingsDirectory));

        // The generic host logs a failed start or stop with its stack trace, then throws it to RunSiloAsync, which
        // prints one line for what an operator can fix and logs anything else as critical. Its critical logs
        // (a background service stopping the host) stay.
        builder.Logging.AddFilter(HostCategory, LogLevel.Critical);

        services.AddOptions<SiloHostOptions>().BindConfiguration(SiloHostOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloHostOptions>, SiloHostOptionsValidator>());
        services.AddOptions<HostOptions>().Configure<IConfiguration>(static (host, configuration) =>
            host.ShutdownTimeout = ReadShutdownTimeout(configuration));
        services.AddOptions<SqliteStorageOptions>()
            .BindConfiguration(SqliteSectionName)
            .Configure<IOptions<SiloHostOptions>>(static (sqlite, silo) => sqlite.DataDirectory = silo.Value.DataDirectory)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageSettingsValidator>());

        services.AddProblemDetails();
        services.AddHttpLogging(static options =>
        {
            // Method, path, status and duration only: no query string, headers or bodies (they can carry personal data).
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath |
                                    HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        services.AddHealthChecks()
            .AddCheck<SiloReadinessHealthCheck>(SiloReadinessHealthCheck.Name, tags: [HealthTags.Ready]);
        services.AddSingleton<SiloRunState>();
        services.AddHostedService<SiloReadinessMonitor>();

        return services.AddSegmentationSilo().UseStorage(static sp => new SqliteSiloStorage(
            sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value,
            sp.GetRequiredService<ILogger<SqliteSiloStorage>>())).AddDelivery();
    }

    // HostOptions are read while the host is built, before RunSiloAsync can report a bad setting in one line:
    // an unreadable or non-positive value falls back to the default here and fails SiloHostOptions' validation at start.
    private static TimeSpan ReadShutdownTimeout(IConfiguration configuration)
    {
        var value = configuration[$"{SiloHostOptions.SectionName}:{nameof(SiloHostOptions.ShutdownTimeout)}"];
        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var timeout) && timeout > TimeSpan.Zero
            ? timeout
            : new SiloHostOptions().ShutdownTimeout;
    }
}
