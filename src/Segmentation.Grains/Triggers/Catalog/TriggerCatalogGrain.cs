using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Settings;
using Segmentation.Runtime;

namespace Segmentation.Grains.Triggers.Catalog;

/// <summary>
/// The one catalog of trigger settings (key <see cref="Key"/>): the configured settings, overridden per trigger by
/// the edits made through the API, which it keeps in grain storage with who made them and when. An edit is checked
/// first and acknowledged only once written; then the new settings go to the silo's <see cref="TriggerSettingsCache"/>.
/// </summary>
[GrainType("trigger-catalog")]
public sealed partial class TriggerCatalogGrain(
    IOptions<TriggerOptions> options, TriggerSettingsCache cache, ILogger<TriggerCatalogGrain> logger) : Grain
{
    public const string Key = "catalog";

    /// <summary>The edits kept in the history.</summary>
    public const int MaxChanges = 200;

    private IPersistentState<TriggerCatalogState> _state = null!;
    private TriggerSettingsSet _set = null!;

    public override async ValueTask OnActivateAsync(CancellationToken cancellationToken)
    {
        _state = GetPersistentState<TriggerCatalogState>("catalog");
        await _state.ReadStateAsync(cancellationToken);
        _set = BuildSet(_state.State);
        cache.Publish(_set);
    }

    public ValueTask<TriggerSettingsSet> GetSettingsAsync() => ValueTask.FromResult(_set);

    /// <summary>The latest edit of each trigger that was edited, by trigger name.</summary>
    public ValueTask<IReadOnlyDictionary<string, TriggerChange>> GetLatestChangesAsync()
    {
        var latest = new Dictionary<string, TriggerChange>(StringComparer.Ordinal);
        foreach (var change in _state.State.Changes)
        {
            latest[change.Trigger] = change;
        }

        return ValueTask.FromResult<IReadOnlyDictionary<string, TriggerChange>>(latest);
    }

    /// <summary>The edits of one trigger, newest first.</summary>
    public ValueTask<IReadOnlyList<TriggerChange>> GetChangesAsync(string trigger) =>
        ValueTask.FromResult<IReadOnlyList<TriggerChange>>([.. _state.State.Changes.Where(c => c.Trigger == trigger).Reverse()]);

    /// <summary>Saves the settings of a trigger, replacing its configured ones; returns the settings now in force.</summary>
    /// <exception cref="ArgumentException">The trigger is unknown, the settings are of another trigger, or invalid.</exception>
    public async ValueTask<TriggerSettingsSet> UpdateAsync(TriggerSettings settings, string changedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        if (settings.Validate() is [var first, ..])
        {
            throw new ArgumentException($"Invalid settings of trigger '{settings.Trigger}': {first.Message}", nameof(settings));
        }

        var current = _state.State;
        var next = new TriggerCatalogState
        {
            Revision = current.Revision + 1,
            Edited = new Dictionary<string, TriggerSettings>(current.Edited, StringComparer.Ordinal) { [settings.Trigger] = settings.Clone() },
            Changes = [.. current.Changes.TakeLast(MaxChanges - 1), new TriggerChange(settings.Trigger, changedBy, TimeProvider.GetUtcNow(), settings.Clone())],
        };
        var set = BuildSet(next);
        await _state.ReplaceAsync(next, cancellationToken);
        _set = set;
        cache.Publish(set);
        LogEdited(settings.Trigger, settings.Enabled, next.Revision);
        return set;
    }

    private TriggerSettingsSet BuildSet(TriggerCatalogState state)
    {
        var configured = options.Value;
        var triggers = configured.Triggers().Select(t => state.Edited.TryGetValue(t.Trigger, out var edited) ? edited : t);
        return new TriggerSettingsSet(state.Revision, configured.Guardrails, triggers);
    }

    // The editor's name is not logged: it can be a person's.
    [LoggerMessage(1, LogLevel.Information, "Trigger {Trigger} edited (enabled: {Enabled}); settings revision {Revision}")]
    private partial void LogEdited(string trigger, bool enabled, long revision);
}
