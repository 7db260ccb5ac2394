namespace Segmentation.Domain.Profiles;

/// <summary>What <see cref="CustomerProfile.Apply"/> did with a message.</summary>
public enum ApplyOutcome
{
    /// <summary>Applied in order (its key was the newest so far).</summary>
    Applied,

    /// <summary>Applied although older than the latest event; the state equals the in-order result.</summary>
    AppliedOutOfOrder,

    /// <summary>
    /// Older than what the order-dependent parts (cart, sessions) still journal: the commutative parts took it
    /// exactly, but the cart or the session count could not place it and ignored it.
    /// </summary>
    AppliedBeyondHorizon,

    /// <summary>Its message id was already applied; nothing changed.</summary>
    Duplicate,
}
