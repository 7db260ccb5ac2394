namespace Segmentation.Import.Orders;

/// <summary>The outcome of parsing one row: exactly one of <see cref="Line"/> and <see cref="Rejection"/> is set.</summary>
public readonly record struct ParsedRow(OrderLine? Line, RowRejection? Rejection)
{
    public static ParsedRow Accepted(OrderLine line) => new(line, null);

    public static ParsedRow Rejected(RowRejection rejection) => new(null, rejection);
}
