using System.Text.Json.Serialization;
using Segmentation.Tracking;

namespace Segmentation.Silo.Tracking;

/// <summary>
/// The 200 answer of the tracking API: <c>{"success":true}</c> as Segment answers, plus the count of accepted calls
/// and each rejected item when some items of a batch were rejected, e.g.
/// <c>{"success":true,"accepted":9,"rejected":[{"index":3,"messageId":null,"code":"missing_event",...}]}</c>.
/// </summary>
/// <param name="Success">Always true: the accepted calls are durable.</param>
/// <param name="Accepted">How many calls were accepted; only present when some were rejected.</param>
/// <param name="Rejected">The rejected items with their index in the batch; only present when some were rejected.</param>
public sealed record TrackingAcceptedResponse(
    bool Success,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Accepted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TrackingItemRejection>? Rejected)
{
    public static TrackingAcceptedResponse For(TrackingParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Rejections.Count == 0
            ? new TrackingAcceptedResponse(true, null, null)
            : new TrackingAcceptedResponse(true, result.Accepted.Count, result.Rejections);
    }
}
