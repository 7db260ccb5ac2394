using Segmentation.Import.Events;
using Segmentation.Import.Orders;
using Segmentation.Import.Sending;

namespace Segmentation.Import;

/// <summary>The result of an import run.</summary>
/// <param name="Plan">What the file converted to, with the rejected rows.</param>
/// <param name="Events">The events built from it.</param>
/// <param name="Send">What became of the events; null for a dry run.</param>
/// <param name="Elapsed">How long the run took.</param>
public sealed record ImportReport(ImportPlan Plan, IReadOnlyList<ImportEvent> Events, SendOutcome? Send, TimeSpan Elapsed)
{
    /// <summary>Orders whose <c>Order Completed</c> was accepted (all converted orders for a dry run).</summary>
    public int OrdersImported => Imported(OrderEventFactory.OrderCompleted, Plan.Orders.Count);

    /// <summary>Refunds whose <c>Order Refunded</c> was accepted (all converted refunds for a dry run).</summary>
    public int RefundsImported => Imported(OrderEventFactory.OrderRefunded, Plan.Refunds.Count);

    /// <summary>Orders sent with part of their <c>products[]</c> left out to fit the event size limit.</summary>
    public int EventsWithProductsOmitted => Events.Count(evt => evt.ProductsOmitted > 0);

    /// <summary>Whether some failed sends could not be tied to an event (counts above are then upper bounds).</summary>
    public bool HasUnattributedFailures => Send is { } send && send.Failed > send.FailedMessageIds.Count;

    private int Imported(string eventName, int converted)
    {
        if (Send is not { } send)
        {
            return converted;
        }

        var failed = Events.Count(evt => evt.Event == eventName && send.FailedMessageIds.Contains(evt.MessageId));
        return converted - failed;
    }
}
