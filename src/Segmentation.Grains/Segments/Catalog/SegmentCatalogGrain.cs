using System.Text.Json;
using Microsoft.Extensions.Logging;
using Segmentation.Runtime;
using Segmentation.Segments;
using Segmentation.Segments.Evaluation;

namespace Segmentation.Grains.Segments;

/// <summary>
/// The one catalog of segment definitions (key <see cref="Key"/>). Every save is checked first (the rule compiles,
/// every <c>in_segment</c> id exists, no cycle, no delete of a segment others refer to) and acknowledged only once
/// written to grain storage; then the compiled set goes to the silo's <see cref="SegmentDefinitionsCache"/>. Seeds
/// the <see cref="StarterSegments"/> once: a removed starter does not come back.
/// </summary>
[GrainType("segment-catalog")]
public sealed partial class SegmentCatalogGrain(SegmentDefinitionsCache cache, IClusterClient client, ILogger<SegmentCatalogGrain> logger) : Grain
{
    public const string Key = "catalog";

    private IPersistentState<SegmentCatalogState> _state = null!;
    private SegmentDefinitionSet _set = SegmentDefinitionSet.Empty;

    public override async ValueTask OnActivateAsync(CancellationToken cancellationToken)
    {
        _state = GetPersistentState<SegmentCatalogState>("catalog");
        await _state.ReadStateAsync(cancellationToken);
        if (_state.State.Seeded)
        {
            _set = BuildSet(_state.State);
            cache.Publish(_set);
            return;
        }

        var next = Clone(_state.State);
        foreach (var draft in StarterSegments.All)
        {
            var rule = SegmentRuleCompiler.Compile(draft.Rule);
            var id = SegmentIds.FromName(draft.Name, taken => Find(next, taken) is not null);
            next.Segments.Add(NewSegment(id, draft, rule.Text, version: 1, starter: true));
        }

        next.Seeded = true;
        await CommitAsync(next, Prepare(next), cancellationToken);
    }

    /// <summary>The compiled set, for a cache that has none yet.</summary>
    public ValueTask<SegmentDefinitionSet> GetDefinitionsAsync() => ValueTask.FromResult(_set);

    /// <summary>Every definition, by id.</summary>
    public ValueTask<IReadOnlyList<SegmentDefinition>> ListAsync() =>
        ValueTask.FromResult<IReadOnlyList<SegmentDefinition>>([.. _state.State.Segments.Select(static s => s.ToDefinition())]);

    public ValueTask<SegmentDefinition?> GetAsync(string id) => ValueTask.FromResult(Find(_state.State, id)?.ToDefinition());

    /// <summary>Every saved version of a segment, oldest first; null when there is no such segment.</summary>
    public ValueTask<IReadOnlyList<SegmentVersionRecord>?> GetVersionsAsync(string id) =>
        ValueTask.FromResult<IReadOnlyList<SegmentVersionRecord>?>(Find(_state.State, id)?.Versions.ToList());

    /// <exception cref="SegmentRuleException">The name, id or rule is invalid, a reference is unknown, or a cycle.</exception>
    /// <exception cref="SegmentAlreadyExistsException">The draft names an id that is taken.</exception>
    public async ValueTask<SegmentDefinition> CreateAsync(SegmentDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        SegmentIds.ValidateName(draft.Name);
        var rule = SegmentRuleCompiler.Compile(draft.Rule);
        var current = _state.State;
        string id;
        if (draft.Id is { } requested)
        {
            SegmentIds.Validate(requested);
            id = Find(current, requested) is null ? requested : throw new SegmentAlreadyExistsException(requested);
        }
        else
        {
            id = SegmentIds.FromName(draft.Name, taken => Find(current, taken) is not null);
        }

        var version = current.RetiredVersions.GetValueOrDefault(id) + 1;
        var next = Clone(current);
        var segment = NewSegment(id, draft, rule.Text, version, starter: false);
        next.Segments.Add(segment);
        next.RetiredVersions.Remove(id);
        var set = Prepare(next, (id, rule));
        if (version > 1)
        {
            // The id was deleted before: its segment grain forgets the old memberships before anyone evaluates the new rule.
            await AppendResetAsync(id, version, cancellationToken);
        }

        await CommitAsync(next, set, cancellationToken);
        LogSaved(id, version);
        return segment.ToDefinition();
    }

    /// <summary>Saves a new version; null when there is no such segment. An identical draft saves nothing.</summary>
    /// <exception cref="SegmentRuleException">The name or rule is invalid, a reference is unknown, or a cycle.</exception>
    public async ValueTask<SegmentSave?> UpdateAsync(string id, SegmentDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        SegmentIds.ValidateName(draft.Name);
        var rule = SegmentRuleCompiler.Compile(draft.Rule);
        if (Find(_state.State, id) is not { } existing)
        {
            return null;
        }

        var latest = existing.Current;
        if (latest.Name == draft.Name && latest.Description == draft.Description && latest.Rule == rule.Text)
        {
            return new SegmentSave(existing.ToDefinition(), NewVersion: false);
        }

        var next = Clone(_state.State);
        var segment = Find(next, id)!;
        segment.Versions.Add(new SegmentVersionRecord(latest.Version + 1, draft.Name, rule.Text, draft.Description, TimeProvider.GetUtcNow()));
        await CommitAsync(next, Prepare(next, (id, rule)), cancellationToken);
        LogSaved(id, latest.Version + 1);
        return new SegmentSave(segment.ToDefinition(), NewVersion: true);
    }

    /// <summary>Deletes a segment and clears its segment grain; false when there is no such segment.</summary>
    /// <exception cref="SegmentRuleException">Other segments refer to it.</exception>
    public async ValueTask<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (Find(_state.State, id) is not { } existing)
        {
            return false;
        }

        var users = _set.Segments.Where(s => s.Id != id && s.Rule.ReferencedSegments.Contains(id)).Select(static s => $"`{s.Id}`").ToList();
        if (users.Count > 0)
        {
            throw new SegmentRuleException(new SegmentRuleError(
                SegmentRuleErrorCode.SegmentInUse,
                null,
                null,
                $"segment `{id}` cannot be deleted: {string.Join(", ", users)} {(users.Count == 1 ? "refers" : "refer")} to it with in_segment(\"{id}\")",
                "no segment referring to it"));
        }

        var next = Clone(_state.State);
        next.Segments.RemoveAll(s => s.Id == id);
        next.RetiredVersions[id] = existing.Current.Version;
        await CommitAsync(next, Prepare(next), cancellationToken);

        // Customers no longer evaluate it; deltas still on their way belong to versions the reset makes the grain ignore.
        await AppendResetAsync(id, existing.Current.Version + 1, cancellationToken);
        LogDeleted(id);
        return true;
    }

    /// <summary>
    /// Moves <paramref name="next"/> to the next revision and compiles it, which checks the references and cycles;
    /// <paramref name="compiled"/> is a rule just compiled for it.
    /// </summary>
    private SegmentDefinitionSet Prepare(SegmentCatalogState next, (string Id, CompiledSegmentRule Rule)? compiled = null)
    {
        next.Revision++;
        next.Segments.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return BuildSet(next, compiled);
    }

    /// <summary>Writes <paramref name="next"/> to grain storage, then makes it and its compiled set current.</summary>
    private async Task CommitAsync(SegmentCatalogState next, SegmentDefinitionSet set, CancellationToken cancellationToken)
    {
        await _state.ReplaceAsync(next, cancellationToken);
        _set = set;
        cache.Publish(set);
    }

    private Task AppendResetAsync(string id, int firstVersion, CancellationToken cancellationToken) =>
        client.AppendAsync(
            [new DurableMessage(SegmentGrain.IdOf(id), RecordKinds.SegmentReset, new SegmentReset(firstVersion).Encode(), TimeProvider.GetUtcNow())],
            cancellationToken);

    /// <summary>The compiled set of <paramref name="state"/>, reusing compiled rules of unchanged versions; <paramref name="compiled"/> is one just compiled.</summary>
    private SegmentDefinitionSet BuildSet(SegmentCatalogState state, (string Id, CompiledSegmentRule Rule)? compiled = null) =>
        new(state.Revision, state.Segments.Select(segment =>
        {
            var current = segment.Current;
            var rule = compiled is { } c && c.Id == segment.Id ? c.Rule
                : _set.TryGet(segment.Id, out var known) && known.Version == current.Version && known.FirstVersion == segment.FirstVersion ? known.Rule
                : SegmentRuleCompiler.Compile(current.Rule);
            return new ActiveSegment(segment.Id, current.Name, current.Version, segment.FirstVersion, rule);
        }));

    private StoredSegment NewSegment(string id, SegmentDraft draft, string ruleText, int version, bool starter)
    {
        var now = TimeProvider.GetUtcNow();
        return new StoredSegment
        {
            Id = id,
            Starter = starter,
            CreatedAt = now,
            FirstVersion = version,
            Versions = [new SegmentVersionRecord(version, draft.Name, ruleText, draft.Description, now)],
        };
    }

    private static StoredSegment? Find(SegmentCatalogState state, string id) => state.Segments.Find(s => s.Id == id);

    private static SegmentCatalogState Clone(SegmentCatalogState state) =>
        JsonSerializer.Deserialize<SegmentCatalogState>(JsonSerializer.SerializeToUtf8Bytes(state))!;

    [LoggerMessage(1, LogLevel.Information, "Segment {SegmentId} saved as version {Version}")]
    private partial void LogSaved(string segmentId, int version);

    [LoggerMessage(2, LogLevel.Information, "Segment {SegmentId} deleted")]
    private partial void LogDeleted(string segmentId);
}
