namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// A part of a <see cref="CustomerProfile"/> that the profile allocates when its first entry arrives (until then, and
/// after a snapshot holding nothing for it, the profile holds none and reads the part's shared empty instance).
/// </summary>
/// <typeparam name="TSelf">The part's own type.</typeparam>
internal interface IProfilePart<in TSelf>
{
    /// <summary>True when the part holds nothing: it reads and writes exactly as a new one.</summary>
    bool IsEmpty { get; }

    /// <summary>Joins another profile's part into this one (alias merge).</summary>
    void MergeFrom(TSelf other);
}
