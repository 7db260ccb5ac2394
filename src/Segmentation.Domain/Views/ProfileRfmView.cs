using Segmentation.Domain.Rfm;

namespace Segmentation.Domain.Views;

/// <summary>The customer's RFM facts, scores and cell.</summary>
/// <remarks><para><c>RecencyDays</c>: days since the last order at the view's instant.</para></remarks>
public sealed record ProfileRfmView(
    RfmInput Input,
    int RecencyDays,
    RfmScores Scores,
    RfmCell Cell,
    string CellName,
    RfmScoringMode Mode);
