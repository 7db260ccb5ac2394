namespace Segmentation.Domain.Triggers;

/// <summary>What became of an occurrence.</summary>
public enum TriggerOutcome : byte
{
    /// <summary>A send intent was appended.</summary>
    Sent,

    /// <summary>A guardrail or the trigger's condition stopped it; a skip with the reason was appended.</summary>
    Skipped,
}
