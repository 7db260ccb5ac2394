namespace Segmentation.Grains.Rfm;

/// <summary>A cell of the 5 x 5 recency x frequency grid: an R score and an F score, each 1 (worst) to 5 (best).</summary>
public readonly record struct RfmGridCoordinate
{
    /// <summary>Scores per dimension.</summary>
    public const int Size = 5;

    public RfmGridCoordinate(int recency, int frequency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recency, Size);
        ArgumentOutOfRangeException.ThrowIfLessThan(frequency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frequency, Size);
        Recency = recency;
        Frequency = frequency;
    }

    public int Recency { get; }

    public int Frequency { get; }

    /// <summary>The cell's position in a row-major list of the 25 cells: R1 F1 first, R5 F5 last.</summary>
    public int Index => ((Recency - 1) * Size) + Frequency - 1;
}
