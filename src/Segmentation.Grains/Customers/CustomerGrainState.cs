using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;

namespace Segmentation.Grains.Customers;

/// <summary>
/// Everything a customer grain keeps: the profile, where it was merged to (an anonymous profile claimed by a
/// known customer), the anonymous ids this customer claimed, the profiles merged into it, and what it last told
/// the population shards (so it tells them only of changes).
/// </summary>
internal sealed class CustomerGrainState
{
    public CustomerProfile Profile { get; set; } = new();

    public string? MergedInto { get; set; }

    public HashSet<string> LinkedAnonymousIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> MergedSources { get; } = new(StringComparer.Ordinal);

    public RfmInput? ReportedRfm { get; set; }

    public string? ReportedEmail { get; set; }
}
