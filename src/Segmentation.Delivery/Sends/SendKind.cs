namespace Segmentation.Delivery.Sends;

/// <summary>Whether a send is marketing (consent, suppression and the frequency cap apply) or transactional (exempt from the cap).</summary>
public enum SendKind
{
    Marketing,
    Transactional,
}
