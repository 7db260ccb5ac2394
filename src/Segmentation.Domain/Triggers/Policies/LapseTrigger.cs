using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Domain.Triggers.Policies;

/// <summary>
/// Lapse: <see cref="LapseSettings.After"/> after the last activity (or order), then the win-back step at
/// <see cref="LapseSettings.WinBackAfter"/>. The occurrence is that last instant; the win-back's key is <c>{last}/win-back</c>.
/// Any newer activity (or order) starts a new occurrence.
/// </summary>
public static class LapseTrigger
{
    private const string WinBack = "win-back";

    public static TriggerDue? NextDue(TriggerContext context, LapseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        if (Basis(context, settings) is not { } last)
        {
            return null;
        }

        var series = TriggerKeys.Instant(last);
        if (last + settings.After >= context.NotBefore && !context.Ledger.IsDecided(TriggerNames.Lapse, series))
        {
            return Due(last + settings.After, series, series, settings.TemplateId, "lapse");
        }

        var winBack = TriggerKeys.Step(series, WinBack);
        return settings.WinBackAfter > TimeSpan.Zero && last + settings.WinBackAfter >= context.NotBefore
            && !context.Ledger.IsDecided(TriggerNames.Lapse, winBack)
            ? Due(last + settings.WinBackAfter, winBack, series, settings.WinBackTemplateId ?? settings.TemplateId, WinBack)
            : null;
    }

    /// <summary>Whether the customer is still inactive since the occurrence's instant.</summary>
    public static bool Holds(TriggerContext context, LapseSettings settings, string occurrenceKey)
    {
        ArgumentNullException.ThrowIfNull(occurrenceKey);
        var series = occurrenceKey.EndsWith("/" + WinBack, StringComparison.Ordinal) ? TriggerKeys.Head(occurrenceKey) : occurrenceKey;
        return Basis(context, settings) is { } last && TriggerKeys.Instant(last) == series;
    }

    private static DateTimeOffset? Basis(TriggerContext context, LapseSettings settings) =>
        settings.Basis == LapseBasis.Order ? context.Profile.LastOrderAt : context.Profile.LastActivityAt;

    private static TriggerDue Due(DateTimeOffset dueAt, string key, string series, string? templateId, string step) => new(
        TriggerNames.Lapse, dueAt, key, series, string.Empty, templateId, IncludeCart: false, ProductKey: null,
        TriggerProperties.Step(step));
}
