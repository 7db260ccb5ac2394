namespace Segmentation.Domain.Rfm;

/// <summary>Recency, frequency and monetary scores, each 1 (worst) to 5 (best).</summary>
public readonly record struct RfmScores
{
    public RfmScores(int recency, int frequency, int monetary)
    {
        Check(recency, nameof(recency));
        Check(frequency, nameof(frequency));
        Check(monetary, nameof(monetary));
        Recency = recency;
        Frequency = frequency;
        Monetary = monetary;
    }

    public int Recency { get; }

    public int Frequency { get; }

    public int Monetary { get; }

    /// <summary>The named cell of (R, F).</summary>
    public RfmCell Cell => RfmGrid.Classify(Recency, Frequency);

    /// <summary>The usual three-digit code, e.g. <c>545</c>.</summary>
    public override string ToString() => $"{Recency}{Frequency}{Monetary}";

    private static void Check(int score, string name)
    {
        if (score is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(name, score, "An RFM score is between 1 and 5.");
        }
    }
}
