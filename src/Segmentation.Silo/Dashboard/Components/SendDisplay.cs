using Segmentation.Delivery.Sends;

namespace Segmentation.Silo.Dashboard.Components;

/// <summary>How the dashboard names send statuses and links to the send log.</summary>
public static class SendDisplay
{
    /// <summary>Every status, in the order of a send's life (pending first).</summary>
    public static IReadOnlyList<SendStatus> Statuses { get; } = Enum.GetValues<SendStatus>();

    public static string Name(SendStatus status) => status switch
    {
        SendStatus.DeadLettered => "Dead-lettered",
        _ => status.ToString(),
    };

    /// <summary>The status as the send log's address and the sends API write it, e.g. <c>deadLettered</c>.</summary>
    public static string QueryValue(SendStatus status) => status switch
    {
        SendStatus.DeadLettered => "deadLettered",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The send log filtered by customer and status (either may be left out), e.g. <c>sends?customerId=u-1&amp;status=failed</c>.</summary>
    public static string LogLink(string? customerId = null, SendStatus? status = null)
    {
        var query = new List<string>();
        if (customerId is not null)
        {
            query.Add("customerId=" + Uri.EscapeDataString(customerId));
        }

        if (status is { } value)
        {
            query.Add("status=" + QueryValue(value));
        }

        return query.Count == 0 ? "sends" : "sends?" + string.Join('&', query);
    }
}
