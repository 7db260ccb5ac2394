namespace Segmentation.Silo.Management;

/// <summary>The management API's log messages: key names and outcomes, never key values, emails or profiles.</summary>
internal static partial class ManagementLog
{
    [LoggerMessage(1, LogLevel.Debug, "Management API request refused: no Authorization header")]
    public static partial void KeyMissing(ILogger logger);

    [LoggerMessage(2, LogLevel.Warning, "Management API request refused: the Authorization header is not a Bearer key")]
    public static partial void KeyMalformed(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "Management API request refused: unknown key")]
    public static partial void KeyUnknown(ILogger logger);

    [LoggerMessage(4, LogLevel.Warning, "Management API request refused: key {KeyName} is revoked")]
    public static partial void KeyRevoked(ILogger logger, string keyName);

    [LoggerMessage(5, LogLevel.Warning,
        "The management API has no active key: every request to /api is refused with 401 (configure Segmentation:Management:ApiKeys)")]
    public static partial void NoActiveKey(ILogger logger);

    [LoggerMessage(6, LogLevel.Information, "The management API accepts {ActiveKeyCount} key(s)")]
    public static partial void KeysLoaded(ILogger logger, int activeKeyCount);
}
