using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Grains.Triggers.Catalog;

/// <summary>
/// What the trigger catalog keeps in grain storage: the edited settings of each trigger edited through the API (they
/// replace its configured settings), the latest edits with who made them, and a revision that grows with every edit.
/// </summary>
internal sealed class TriggerCatalogState
{
    public long Revision { get; set; }

    public Dictionary<string, TriggerSettings> Edited { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The latest edits, oldest first (at most <see cref="TriggerCatalogGrain.MaxChanges"/>).</summary>
    public List<TriggerChange> Changes { get; set; } = [];
}
