namespace Segmentation.Grains.Segments;

/// <summary>What a caller asks to save: the rule as text (the JSON form is converted to text by the caller).</summary>
/// <param name="Id">Null on create: an id is made from the name (lower-case slug, unique). Ignored on update.</param>
/// <param name="Name">What marketers see, 1 to 200 characters.</param>
/// <param name="Rule">The rule text; it is saved in its canonical (printed) form.</param>
/// <param name="Description">Optional notes.</param>
public sealed record SegmentDraft(string? Id, string Name, string Rule, string? Description = null);

/// <summary>A segment's definition and live state.</summary>
public sealed record SegmentInfo(
    string Id,
    string Name,
    string? Description,
    string Rule,
    int Version,
    bool Starter,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Count,
    long Entered,
    long Left,
    SegmentBackfill Backfill);

/// <summary>Progress of evaluating the current version over the customers that existed when it was saved.</summary>
public sealed record SegmentBackfill(SegmentBackfillState State, int Version, long Evaluated, long Total, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt);

public enum SegmentBackfillState
{
    Running,
    Complete,
}

/// <summary>One saved version of a definition (every create and edit is recorded).</summary>
public sealed record SegmentVersionRecord(int Version, string Name, string Rule, string? Description, DateTimeOffset SavedAt);

public sealed record SegmentMember(string CustomerId, DateTimeOffset Since);

/// <summary>Members sorted by customer id (ordinal); <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record SegmentMembersPage(IReadOnlyList<SegmentMember> Members, string? NextCursor, long Total);

/// <summary>The size at the end of a minute or hour bucket, with the entries and exits during it.</summary>
public sealed record SegmentSizePoint(DateTimeOffset At, long Count, long Entered, long Left);

public enum SegmentHistoryResolution
{
    /// <summary>Per minute, the last 48 hours.</summary>
    Minute,

    /// <summary>Per hour, the last 90 days.</summary>
    Hour,
}

/// <summary>An unsaved rule evaluated over every customer now.</summary>
public sealed record SegmentPreview(long Count, long Evaluated, IReadOnlyList<string> Sample);

/// <summary>One segment a customer belongs to, since when.</summary>
public sealed record CustomerSegmentMembership(string SegmentId, string Name, DateTimeOffset Since);

/// <summary>A segment id that is taken (create with an explicit id).</summary>
public sealed class SegmentAlreadyExistsException(string segmentId)
    : Exception($"A segment with id '{segmentId}' already exists.")
{
    public string SegmentId { get; } = segmentId;
}
