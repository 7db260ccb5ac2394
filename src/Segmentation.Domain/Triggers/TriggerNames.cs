namespace Segmentation.Domain.Triggers;

/// <summary>The names of the triggers in the catalog (snake_case, as in send ids, reminder names and the API).</summary>
public static class TriggerNames
{
    public const string CartAbandonment = "cart_abandonment";

    public const string BrowseAbandonment = "browse_abandonment";

    /// <summary>Lapse, with its win-back step.</summary>
    public const string Lapse = "lapse";

    public const string Birthday = "birthday";

    public const string LoyaltyMilestone = "loyalty_milestone";

    public const string SegmentEntry = "segment_entry";

    /// <summary>Every trigger, in catalog order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [CartAbandonment, BrowseAbandonment, Lapse, Birthday, LoyaltyMilestone, SegmentEntry];

    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}
