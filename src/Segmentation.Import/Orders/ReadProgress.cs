namespace Segmentation.Import.Orders;

/// <summary>How far reading a file has got.</summary>
/// <param name="RowsRead">Data rows read so far.</param>
/// <param name="BytesRead">Bytes of input consumed so far.</param>
/// <param name="TotalBytes">The input's size when known.</param>
public readonly record struct ReadProgress(long RowsRead, long BytesRead, long? TotalBytes);
