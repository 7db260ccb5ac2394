using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Settings;
using Segmentation.Grains.Segments;
using Segmentation.Grains.Triggers.Catalog;
using Segmentation.Runtime;

namespace Segmentation.Grains.Triggers;

/// <summary>
/// What the HTTP API and the dashboard use for triggers: the catalog with the settings in force, the guardrails, the
/// edit history, and edits, which are checked before anything is saved (every invalid setting is reported with its
/// property name and what is wrong) and are in force on the silo once saved.
/// </summary>
public sealed class TriggerDirectory(IClusterClient client, SegmentDefinitionsCache segments)
{
    private GrainReference<TriggerCatalogGrain> Catalog => client.GetGrain<TriggerCatalogGrain>(TriggerCatalogGrain.Key);

    /// <summary>Every trigger, in catalog order.</summary>
    public async Task<IReadOnlyList<TriggerInfo>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var set = await Catalog.InvokeReadOnlyAsync(static g => g.GetSettingsAsync(), cancellationToken).ConfigureAwait(false);
        var changes = await Catalog.InvokeReadOnlyAsync(static g => g.GetLatestChangesAsync(), cancellationToken).ConfigureAwait(false);
        return [.. TriggerNames.All.Select(name => ToInfo(name, set, changes))];
    }

    /// <summary>One trigger; null for an unknown name.</summary>
    public async Task<TriggerInfo?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        TriggerNames.IsKnown(name)
            ? (await GetAllAsync(cancellationToken).ConfigureAwait(false)).Single(t => t.Name == name)
            : null;

    /// <summary>The guardrails in force (configuration only).</summary>
    public async Task<TriggerGuardrails> GetGuardrailsAsync(CancellationToken cancellationToken = default)
    {
        var set = await Catalog.InvokeReadOnlyAsync(static g => g.GetSettingsAsync(), cancellationToken).ConfigureAwait(false);
        return set.Guardrails.Clone();
    }

    /// <summary>The edits of a trigger, newest first (the latest <see cref="TriggerCatalogGrain.MaxChanges"/> of all triggers are kept).</summary>
    public Task<IReadOnlyList<TriggerChange>> GetChangesAsync(string name, CancellationToken cancellationToken = default) =>
        Catalog.InvokeReadOnlyAsync(g => g.GetChangesAsync(name), cancellationToken).AsTask();

    /// <summary>
    /// Saves a trigger's settings, replacing its configured ones, and records who changed it. Refused without saving
    /// anything when the name is unknown or a setting is invalid (every problem is listed); a segment entry trigger
    /// must name existing segments.
    /// </summary>
    /// <param name="name">The trigger (<c>cart_abandonment</c>).</param>
    /// <param name="settings">Its new settings, of the trigger's own settings type.</param>
    /// <param name="changedBy">Who changes it (a management key's or dashboard user's name).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<TriggerUpdateResult> UpdateAsync(string name, TriggerSettings settings, string changedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        if (!TriggerNames.IsKnown(name))
        {
            return new TriggerUpdateResult(TriggerUpdateStatus.NotFound, null, []);
        }

        if (settings.Trigger != name)
        {
            return Invalid(new TriggerSettingError("Trigger", $"must be {name}: these are the settings of {settings.Trigger}."));
        }

        var errors = settings.Validate().ToList();
        if (settings is SegmentEntrySettings { SegmentIds: { Length: > 0 } ids } && errors.Count == 0)
        {
            await segments.EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
            var unknown = ids.Where(id => !segments.Current!.TryGet(id, out _)).ToList();
            if (unknown.Count > 0)
            {
                errors.Add(new TriggerSettingError(nameof(SegmentEntrySettings.SegmentIds), $"names segments that do not exist: {string.Join(", ", unknown)}."));
            }
        }

        if (errors.Count > 0)
        {
            return Invalid([.. errors]);
        }

        await Catalog.InvokeAsync(g => g.UpdateAsync(settings, changedBy, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new TriggerUpdateResult(TriggerUpdateStatus.Updated, await GetAsync(name, cancellationToken).ConfigureAwait(false), []);
    }

    private static TriggerUpdateResult Invalid(params TriggerSettingError[] errors) => new(TriggerUpdateStatus.Invalid, null, errors);

    private static TriggerInfo ToInfo(string name, TriggerSettingsSet set, IReadOnlyDictionary<string, TriggerChange> changes)
    {
        var change = changes.GetValueOrDefault(name);
        return new TriggerInfo(name, set.Get(name)!.Clone(), change is not null, change?.ChangedAt, change?.ChangedBy);
    }
}
