using Segmentation.Grains.Customers;
using Segmentation.Runtime;
using Segmentation.Segments.Dependencies;
using Segmentation.Segments.Evaluation;

namespace Segmentation.Grains.Segments;

/// <summary>
/// What the HTTP API and the dashboard use for segments. Rules are checked before anything is saved: an invalid
/// rule, an unknown <c>in_segment</c> id or a dependency cycle throws <see cref="Segmentation.Segments.SegmentRuleException"/>
/// and nothing changes. A create, or an update that saves a new version, starts its backfill.
/// </summary>
public sealed class SegmentDirectory(
    IClusterClient client, SegmentDefinitionsCache definitions, SegmentPreviewer previewer, SegmentBackfillService backfill)
{
    /// <summary>The id an unsaved rule takes in error messages of a preview.</summary>
    private const string PreviewId = "(preview)";

    private GrainReference<SegmentCatalogGrain> Catalog => client.GetGrain<SegmentCatalogGrain>(SegmentCatalogGrain.Key);

    public async Task<IReadOnlyList<SegmentInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = await Catalog.InvokeReadOnlyAsync(static g => g.ListAsync(), cancellationToken).ConfigureAwait(false);
        return await Task.WhenAll(list.Select(definition => ToInfoAsync(definition, cancellationToken))).ConfigureAwait(false);
    }

    public async Task<SegmentInfo?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken).ConfigureAwait(false) is { } definition
            ? await ToInfoAsync(definition, cancellationToken).ConfigureAwait(false)
            : null;

    /// <exception cref="Segmentation.Segments.SegmentRuleException">The rule is invalid.</exception>
    /// <exception cref="SegmentAlreadyExistsException">The draft names an id that is taken.</exception>
    public async Task<SegmentInfo> CreateAsync(SegmentDraft draft, CancellationToken cancellationToken = default)
    {
        var definition = await Catalog.InvokeAsync(g => g.CreateAsync(draft, cancellationToken), cancellationToken).ConfigureAwait(false);
        backfill.Start(definition.Id, definition.Version);
        return await ToInfoAsync(definition, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves a new version; null when there is no such segment.</summary>
    /// <exception cref="Segmentation.Segments.SegmentRuleException">The rule is invalid.</exception>
    public async Task<SegmentInfo?> UpdateAsync(string id, SegmentDraft draft, CancellationToken cancellationToken = default)
    {
        var save = await Catalog.InvokeAsync(g => g.UpdateAsync(id, draft, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (save is null)
        {
            return null;
        }

        if (save.NewVersion)
        {
            backfill.Start(save.Definition.Id, save.Definition.Version);
        }

        return await ToInfoAsync(save.Definition, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>False when there is no such segment.</summary>
    /// <exception cref="Segmentation.Segments.SegmentRuleException">Another segment refers to it.</exception>
    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        Catalog.InvokeAsync(g => g.DeleteAsync(id, cancellationToken), cancellationToken).AsTask();

    public Task<IReadOnlyList<SegmentVersionRecord>?> GetVersionsAsync(string id, CancellationToken cancellationToken = default) =>
        Catalog.InvokeReadOnlyAsync(g => g.GetVersionsAsync(id), cancellationToken).AsTask();

    /// <summary>A page of members by customer id; null when there is no such segment.</summary>
    /// <param name="id">The segment id.</param>
    /// <param name="cursor">The <see cref="SegmentMembersPage.NextCursor"/> of the previous page; null for the first.</param>
    /// <param name="limit">Members per page, 1 to <see cref="SegmentGrain.MaxPageSize"/> (larger asks get that many).</param>
    /// <param name="cancellationToken">Cancels the wait for the answer.</param>
    /// <exception cref="ArgumentException">The cursor is not one a page returned.</exception>
    public async Task<SegmentMembersPage?> GetMembersAsync(string id, string? cursor, int limit, CancellationToken cancellationToken = default)
    {
        var after = SegmentMemberCursor.Decode(cursor);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return await FindAsync(id, cancellationToken).ConfigureAwait(false) is null
            ? null
            : await Segment(id).InvokeReadOnlyAsync(g => g.GetMembersAsync(after, limit), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The size history up to now; null when there is no such segment.</summary>
    public async Task<IReadOnlyList<SegmentSizePoint>?> GetHistoryAsync(
        string id, SegmentHistoryResolution resolution, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken).ConfigureAwait(false) is null
            ? null
            : await Segment(id).InvokeReadOnlyAsync(g => g.GetHistoryAsync(resolution), cancellationToken).ConfigureAwait(false);

    /// <exception cref="Segmentation.Segments.SegmentRuleException">The rule is invalid or refers to an unknown segment.</exception>
    public async Task<SegmentPreview> PreviewAsync(string rule, int sampleSize, CancellationToken cancellationToken = default)
    {
        var compiled = SegmentRuleCompiler.Compile(rule);
        if (compiled.ReferencedSegments.Count > 0)
        {
            await definitions.EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
            var rules = definitions.Current!.Segments.ToDictionary(static s => s.Id, static s => s.Rule.Rule, StringComparer.Ordinal);
            rules[PreviewId] = compiled.Rule;
            SegmentDependencyGraph.Build(rules);
        }

        return await previewer.PreviewAsync(compiled, sampleSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The segments a customer is in now (following merges like the profile does).</summary>
    public async Task<IReadOnlyList<CustomerSegmentMembership>> GetCustomerSegmentsAsync(string customerId, CancellationToken cancellationToken = default) =>
        (await new CustomerDirectory(client).GetAsync(customerId, cancellationToken).ConfigureAwait(false)).Segments;

    private GrainReference<SegmentGrain> Segment(string id) => client.GetGrain<SegmentGrain>(id);

    private Task<SegmentDefinition?> FindAsync(string id, CancellationToken cancellationToken) =>
        Catalog.InvokeReadOnlyAsync(g => g.GetAsync(id), cancellationToken).AsTask();

    /// <summary>The definition with its segment grain's figures; a backfill not yet started for this version shows as running with nothing evaluated.</summary>
    private async Task<SegmentInfo> ToInfoAsync(SegmentDefinition definition, CancellationToken cancellationToken)
    {
        var status = await Segment(definition.Id).InvokeReadOnlyAsync(static g => g.GetStatusAsync(), cancellationToken).ConfigureAwait(false);
        var progress = status.Backfill is { } backfilled && backfilled.Version >= definition.Version
            ? backfilled
            : new SegmentBackfill(SegmentBackfillState.Running, definition.Version, 0, 0, definition.UpdatedAt, null);
        return new SegmentInfo(
            definition.Id,
            definition.Name,
            definition.Description,
            definition.Rule,
            definition.Version,
            definition.Starter,
            definition.CreatedAt,
            definition.UpdatedAt,
            status.Count,
            status.Entered,
            status.Left,
            progress);
    }
}
