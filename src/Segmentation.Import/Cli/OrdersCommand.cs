using System.CommandLine;

namespace Segmentation.Import.Cli;

/// <summary>The <c>orders</c> command: its arguments, options and help text.</summary>
internal static class OrdersCommand
{
    public static Command Create(Func<OrdersCommandOptions, CancellationToken, Task<int>> run)
    {
        var file = new Argument<string>("file") { Description = "The CSV file of orders (line items or invoice summaries)." };
        var endpoint = new Option<string?>("--endpoint") { Description = "The silo's tracking API address, e.g. http://127.0.0.1:5080." };
        var writeKey = new Option<string?>("--write-key")
        {
            Description = $"The source's write key (or set {OrdersCommandHandler.WriteKeyVariable}).",
        };
        var format = new Option<string>("--format") { Description = "The layout: auto (default), lines or invoices.", DefaultValueFactory = _ => "auto" }
            .AcceptOnlyFromAmong("auto", "lines", "invoices");
        var dryRun = new Option<bool>("--dry-run") { Description = "Read and convert only; send nothing." };
        var rejects = new Option<string?>("--rejects") { Description = "Write the rejected rows with their reasons to this CSV file." };
        var currency = new Option<string>("--currency") { Description = "The currency of the amounts (default GBP).", DefaultValueFactory = _ => "GBP" };
        var timeZone = new Option<string>("--time-zone")
        {
            Description = "The time zone of dates without an offset: UTC (default) or an IANA id such as Europe/London.",
            DefaultValueFactory = _ => "UTC",
        };
        var dateFormat = new Option<string?>("--date-format") { Description = "A .NET date format when the built-in ISO and M/d/yyyy ones do not fit." };
        var columns = new Option<string[]>("--column")
        {
            Description = "Name a column: field=header, repeatable. Fields: invoice, stock-code, description, quantity, date, price, customer, country, revenue, original-invoice.",
        };
        var cancellations = new Option<string>("--cancellations")
        {
            Description = "Cancellation invoices: match (default; refund the original order found by invoice or product) or reject.",
            DefaultValueFactory = _ => "match",
        }.AcceptOnlyFromAmong("match", "reject");
        var prefix = new Option<string>("--message-id-prefix") { Description = "The start of every message id (default import-).", DefaultValueFactory = _ => "import-" };
        var delimiter = new Option<string>("--delimiter") { Description = "The field separator (default ,).", DefaultValueFactory = _ => "," };
        var encoding = new Option<string?>("--encoding") { Description = "The file's encoding when it has no byte order mark (default utf-8)." };
        var batchSize = new Option<int>("--batch-size") { Description = "Events per request (default 100).", DefaultValueFactory = _ => 100 };
        var maxRetries = new Option<int>("--max-retries") { Description = "Retries of a failed request (default 5).", DefaultValueFactory = _ => 5 };

        var command = new Command("orders", "Import historical orders from a CSV file as Order Completed and Order Refunded events.")
        {
            file, endpoint, writeKey, format, dryRun, rejects, currency, timeZone, dateFormat, columns, cancellations, prefix, delimiter,
            encoding, batchSize, maxRetries,
        };
        command.SetAction((result, cancellationToken) => run(
            new OrdersCommandOptions
            {
                File = result.GetRequiredValue(file),
                Endpoint = result.GetValue(endpoint),
                WriteKey = result.GetValue(writeKey),
                Format = result.GetRequiredValue(format),
                DryRun = result.GetValue(dryRun),
                RejectsPath = result.GetValue(rejects),
                Currency = result.GetRequiredValue(currency),
                TimeZone = result.GetRequiredValue(timeZone),
                DateFormat = result.GetValue(dateFormat),
                Columns = result.GetValue(columns) ?? [],
                Cancellations = result.GetRequiredValue(cancellations),
                MessageIdPrefix = result.GetRequiredValue(prefix),
                Delimiter = result.GetRequiredValue(delimiter),
                Encoding = result.GetValue(encoding),
                BatchSize = result.GetValue(batchSize),
                MaxRetries = result.GetValue(maxRetries),
            },
            cancellationToken));
        return command;
    }
}
