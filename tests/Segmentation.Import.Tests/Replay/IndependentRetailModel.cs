using System.Globalization;
using Microsoft.VisualBasic.FileIO;

namespace Segmentation.Import.Tests.Replay;

/// <summary>
/// What the UCI line sample should produce, computed straight from the CSV without any importer or domain code
/// (its own CSV parser, its own grouping, refund matching and quintiles), from the documented rules:
/// <list type="bullet">
/// <item>Rows without a customer id are dropped. Customer ids are numbers written as floats: 12923.0 is 12923.</item>
/// <item>Order = invoice without the C prefix (in this file all such rows with a customer have positive quantities
/// and non-negative prices); revenue = sum of quantity * price; time = the earliest row date (UTC).</item>
/// <item>Cancellation row (C prefix): refunds |quantity| * price to the same customer's latest order placed strictly
/// before the cancellation invoice's earliest date that has a row with the same stock code; unmatched rows count
/// nothing. An order's net revenue is its revenue minus its refunds, the refunds capped at the revenue.</item>
/// <item>Customer: orders, net revenue, last order UTC date, monetary = net revenue in cents (half away from zero).</item>
/// <item>RFM score per dimension = 1 + floor(5 * (customers strictly worse) / N): an earlier last-order date, fewer
/// orders or fewer cents is worse.</item>
/// </list>
/// </summary>
internal sealed class IndependentRetailModel
{
    private IndependentRetailModel(
        IReadOnlyDictionary<string, ExpectedCustomer> customers, int rows, int rowsWithoutCustomer, int unmatchedCancellationRows, int orders)
    {
        Customers = customers;
        Rows = rows;
        RowsWithoutCustomer = rowsWithoutCustomer;
        UnmatchedCancellationRows = unmatchedCancellationRows;
        Orders = orders;
    }

    public IReadOnlyDictionary<string, ExpectedCustomer> Customers { get; }

    public int Rows { get; }

    public int RowsWithoutCustomer { get; }

    public int UnmatchedCancellationRows { get; }

    public int Orders { get; }

    public static IndependentRetailModel FromCsv(string path)
    {
        var rows = ReadRows(path);
        var withCustomer = rows.Where(row => row.Customer is not null).ToList();
        Assert.All(withCustomer, row => Assert.True(row.Invoice.StartsWith('C') ? row.Quantity < 0 : row.Quantity > 0 && row.Price >= 0));
        var orders = withCustomer
            .Where(row => !row.Invoice.StartsWith('C'))
            .GroupBy(row => row.Invoice)
            .Select(group => new Order(
                group.Key,
                group.Select(row => row.Customer).Distinct().Single()!,
                group.Min(row => row.Date),
                group.Sum(row => row.Quantity * row.Price),
                group.Select(row => row.StockCode).ToHashSet()))
            .ToList();
        var ordersByCustomer = orders.ToLookup(order => order.Customer);
        var refunds = new Dictionary<string, decimal>();
        var unmatched = 0;
        foreach (var cancellation in withCustomer.Where(row => row.Invoice.StartsWith('C')).GroupBy(row => row.Invoice))
        {
            var cancelledAt = cancellation.Min(row => row.Date);
            foreach (var row in cancellation)
            {
                var original = ordersByCustomer[row.Customer!]
                    .Where(order => order.Date < cancelledAt && order.StockCodes.Contains(row.StockCode))
                    .OrderByDescending(order => order.Date)
                    .ThenByDescending(order => order.Invoice, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (original is null)
                {
                    unmatched++;
                    continue;
                }

                refunds[original.Invoice] = refunds.GetValueOrDefault(original.Invoice) + (Math.Abs(row.Quantity) * row.Price);
            }
        }

        var customers = ordersByCustomer.ToDictionary(
            group => group.Key,
            group =>
            {
                var refunded = group.Sum(order => Math.Min(refunds.GetValueOrDefault(order.Invoice), order.Revenue));
                var net = group.Sum(order => order.Revenue) - refunded;
                return new ExpectedCustomer(
                    group.Key,
                    group.Count(),
                    net,
                    refunded,
                    DateOnly.FromDateTime(group.Max(order => order.Date)),
                    (long)decimal.Round(net * 100m, 0, MidpointRounding.AwayFromZero));
            });
        Score(customers.Values.ToList());
        return new IndependentRetailModel(customers, rows.Count, rows.Count - withCustomer.Count, unmatched, orders.Count);
    }

    private static void Score(List<ExpectedCustomer> customers)
    {
        var days = customers.Select(c => (long)c.LastOrderDate.DayNumber).Order().ToArray();
        var frequencies = customers.Select(c => (long)c.Orders).Order().ToArray();
        var cents = customers.Select(c => c.MonetaryCents).Order().ToArray();
        foreach (var customer in customers)
        {
            customer.Recency = Quintile(days, customer.LastOrderDate.DayNumber);
            customer.Frequency = Quintile(frequencies, customer.Orders);
            customer.Monetary = Quintile(cents, customer.MonetaryCents);
        }
    }

    /// <summary>1 + floor(5 * (values strictly below <paramref name="value"/>) / N), by counting over the sorted values.</summary>
    private static int Quintile(long[] sorted, long value)
    {
        var below = 0;
        while (below < sorted.Length && sorted[below] < value)
        {
            below++;
        }

        return 1 + (int)(5L * below / sorted.Length);
    }

    private static List<Row> ReadRows(string path)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index);
        var rows = new List<Row>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            var customer = fields[header["CustomerID"]];
            rows.Add(new Row(
                fields[header["InvoiceNo"]],
                fields[header["StockCode"]],
                int.Parse(fields[header["Quantity"]], CultureInfo.InvariantCulture),
                decimal.Parse(fields[header["UnitPrice"]], CultureInfo.InvariantCulture),
                DateTime.ParseExact(fields[header["InvoiceDate"]], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                customer.Length == 0 ? null : ((long)decimal.Parse(customer, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private sealed record Row(string Invoice, string StockCode, int Quantity, decimal Price, DateTime Date, string? Customer);

    private sealed record Order(string Invoice, string Customer, DateTime Date, decimal Revenue, HashSet<string> StockCodes);
}
