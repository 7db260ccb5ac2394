namespace Segmentation.Runtime;

/// <summary>Why an activation is being collected.</summary>
public enum DeactivationReason
{
    /// <summary>No message for longer than the collection age.</summary>
    IdleTooLong,

    /// <summary>The live activation cap was reached; the least recently used go first.</summary>
    CapacityExceeded,

    /// <summary>The grain asked for it with DeactivateOnIdle.</summary>
    Requested,

    /// <summary>The silo is stopping.</summary>
    SiloStopping,
}
