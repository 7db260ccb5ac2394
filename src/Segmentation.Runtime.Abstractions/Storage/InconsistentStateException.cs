namespace Segmentation.Runtime.Storage;

/// <summary>A write carried an etag that is no longer the stored one; nothing was written.</summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(GrainId grainId, string stateName, string? expectedEtag, string? storedEtag)
        : base($"Etag conflict writing state '{stateName}' of {grainId}: expected '{expectedEtag ?? "(none)"}', " +
               $"stored '{storedEtag ?? "(none)"}'. Re-read the state and retry.")
    {
        GrainId = grainId;
        StateName = stateName;
        ExpectedEtag = expectedEtag;
        StoredEtag = storedEtag;
    }

    public GrainId GrainId { get; }

    public string StateName { get; }

    public string? ExpectedEtag { get; }

    public string? StoredEtag { get; }
}
