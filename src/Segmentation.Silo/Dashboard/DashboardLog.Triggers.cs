namespace Segmentation.Silo.Dashboard;

// The log messages of trigger edits in the dashboard: trigger names only, never who made them.
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 620, Level = LogLevel.Information, Message = "Trigger {Trigger} saved from the dashboard (enabled: {Enabled})")]
    public static partial void TriggerSaved(ILogger logger, string trigger, bool enabled);

    [LoggerMessage(EventId = 621, Level = LogLevel.Warning, Message = "An edit of trigger {Trigger} by an account without the editor role was refused")]
    public static partial void TriggerEditRefused(ILogger logger, string trigger);
}
