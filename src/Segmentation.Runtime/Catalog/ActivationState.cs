namespace Segmentation.Runtime.Catalog;

internal enum ActivationState
{
    /// <summary>Created; the activation turn is queued first.</summary>
    Valid,

    /// <summary>The deactivation turn is queued or running; new calls wait and move to the next activation.</summary>
    Deactivating,

    /// <summary>Gone from the catalog; no call is accepted.</summary>
    Invalid,
}
