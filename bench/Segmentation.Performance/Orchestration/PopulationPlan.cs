using Segmentation.LoadGenerator.Shoppers;

namespace Segmentation.Performance.Orchestration;

/// <summary>How long a <c>--visit-all</c> load generator run must last for every customer to show up.</summary>
public static class PopulationPlan
{
    /// <summary>
    /// The events the shoppers of <paramref name="options"/> (with every customer visited first) make until the last
    /// customer's session has started, found by running the same deterministic model without sending anything.
    /// </summary>
    public static long EventsToVisitEveryCustomer(ShopperModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var model = new ShopperModel(options with { VisitEveryCustomerFirst = true });
        var shopperEvent = new ShopperEvent();
        while (model.SessionsStarted < options.Customers)
        {
            model.Next(shopperEvent);
        }

        return model.EventsGenerated;
    }

    /// <summary>The duration at <paramref name="rate"/> after a linear <paramref name="ramp"/> that offers <paramref name="events"/>.</summary>
    public static TimeSpan Duration(long events, double rate, TimeSpan ramp) =>
        TimeSpan.FromSeconds(Math.Ceiling((events / rate) + (ramp.TotalSeconds / 2)) + 1);
}
