namespace Segmentation.Silo.Dashboard;

/// <summary>The dashboard's log messages: counts, roles and ids; never user names, emails or other personal data.</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 601, Level = LogLevel.Warning,
        Message = "The dashboard has no account (" + DashboardOptions.SectionName + ":Accounts): nobody can sign in")]
    public static partial void NoAccounts(ILogger logger);

    [LoggerMessage(EventId = 602, Level = LogLevel.Information, Message = "The dashboard accepts {AccountCount} accounts")]
    public static partial void AccountsLoaded(ILogger logger, int accountCount);

    [LoggerMessage(EventId = 603, Level = LogLevel.Information, Message = "Dashboard sign-in of an account with the {Role} role")]
    public static partial void SignedIn(ILogger logger, string role);

    [LoggerMessage(EventId = 604, Level = LogLevel.Information, Message = "Dashboard sign-in refused: unknown user name or wrong password")]
    public static partial void SignInRefused(ILogger logger);

    [LoggerMessage(EventId = 605, Level = LogLevel.Warning, Message = "Sampling the dashboard's live figures failed; the previous ones stay")]
    public static partial void PulseFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 606, Level = LogLevel.Information, Message = "Segment {SegmentId} saved from the dashboard as version {Version}")]
    public static partial void SegmentSaved(ILogger logger, string segmentId, int version);

    [LoggerMessage(EventId = 607, Level = LogLevel.Information, Message = "Send {SendId} retried from the dashboard by an editor")]
    public static partial void SendRetried(ILogger logger, string sendId);

    [LoggerMessage(EventId = 608, Level = LogLevel.Warning, Message = "A send retry from the dashboard was refused: the account is not an editor")]
    public static partial void SendRetryRefused(ILogger logger);
}
