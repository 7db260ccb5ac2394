namespace Segmentation.Performance.Baseline;

/// <summary>A segment as the baseline counts it: a SQL count over its tables, at the refresh time <c>@now</c>.</summary>
/// <param name="Id">The id, the same as the silo's segment of that rule.</param>
/// <param name="Rule">The silo's rule it stands for.</param>
/// <param name="Sql">A query returning one count.</param>
public sealed record BaselineSegment(string Id, string Rule, string Sql)
{
    /// <summary>The segment whose count freshness probes watch: customers with a <c>Latency Probe</c> event.</summary>
    public const string ProbeId = "latency-probe";

    /// <summary>The name of the event the probes send.</summary>
    public const string ProbeEvent = "Latency Probe";

    /// <summary>Three starter segments, a one-minute idle cart (the reminder workload) and the probe segment.</summary>
    public static IReadOnlyList<BaselineSegment> All { get; } =
    [
        new(
            "recent-buyers",
            "orders_count(7d) > 0",
            "select count(distinct customer_id) from events where event = 'Order Completed' and occurred_at > @now - interval '7 days'"),
        new(
            "abandoned-cart",
            "not cart.empty and cart.updated_at before 1h",
            "select count(*) from customers where cart_items > 0 and cart_updated_at < @now - interval '1 hour'"),
        new(
            "high-value",
            "total_revenue >= 500 or avg_order_value >= 150",
            "select count(*) from customers where total_revenue >= 500 or (orders_count > 0 and total_revenue / orders_count >= 150)"),
        new(
            "cart-idle-1m",
            "not cart.empty and cart.updated_at before 1m",
            "select count(*) from customers where cart_items > 0 and cart_updated_at < @now - interval '1 minute'"),
        new(
            ProbeId,
            $"count(\"{ProbeEvent}\") > 0",
            $"select count(distinct customer_id) from events where event = '{ProbeEvent}'"),
    ];
}
