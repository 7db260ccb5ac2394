namespace Segmentation.Silo.Hosting;

/// <summary>The silo host's log messages (paths, states and counts; never payloads or personal data).</summary>
internal static partial class SiloHostLog
{
    [LoggerMessage(1, LogLevel.Information, "Settings read from {SettingsDirectory}")]
    public static partial void SettingsRead(this ILogger logger, string settingsDirectory);

    [LoggerMessage(2, LogLevel.Warning, "No settings file in {SettingsDirectory}: the built-in defaults apply")]
    public static partial void SettingsMissing(this ILogger logger, string settingsDirectory);

    [LoggerMessage(3, LogLevel.Information, "Silo is ready")]
    public static partial void SiloReady(this ILogger logger);

    [LoggerMessage(4, LogLevel.Critical, "Silo recovery failed; the silo stops without serving")]
    public static partial void RecoveryFailed(this ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Critical, "Silo catch-up after recovery failed; the silo stops")]
    public static partial void CatchUpFailed(this ILogger logger, Exception exception);

    [LoggerMessage(5, LogLevel.Critical, "Silo host failed")]
    public static partial void HostFailed(this ILogger logger, Exception exception);
}
