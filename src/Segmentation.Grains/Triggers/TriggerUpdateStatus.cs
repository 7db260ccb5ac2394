namespace Segmentation.Grains.Triggers;

public enum TriggerUpdateStatus
{
    /// <summary>Saved: the settings are in force.</summary>
    Updated,

    /// <summary>No trigger has that name.</summary>
    NotFound,

    /// <summary>A setting is invalid: nothing was saved (see <see cref="TriggerUpdateResult.Errors"/>).</summary>
    Invalid,
}
