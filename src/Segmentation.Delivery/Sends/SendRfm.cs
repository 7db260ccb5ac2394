using Segmentation.Domain.Rfm;

namespace Segmentation.Delivery.Sends;

/// <summary>The customer's RFM scores (1 to 5 each) and named cell when the send was made.</summary>
/// <param name="Recency">R, 5 = ordered most recently.</param>
/// <param name="Frequency">F, 5 = orders most often.</param>
/// <param name="Monetary">M, 5 = spends the most.</param>
/// <param name="Cell">The named cell of the recency x frequency grid.</param>
/// <param name="CellName">The cell's display name, e.g. <c>Champions</c>, <c>At Risk</c>.</param>
public sealed record SendRfm(int Recency, int Frequency, int Monetary, RfmCell Cell, string CellName);
