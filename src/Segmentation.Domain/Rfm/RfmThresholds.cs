namespace Segmentation.Domain.Rfm;

/// <summary>
/// The four cut points of one dimension. For <see cref="RfmDirection.HigherIsBetter"/>, a value scores at least
/// k (k = 2..5) when it is at least <c>Score k</c>; for <see cref="RfmDirection.LowerIsBetter"/>, when it is at
/// most <c>Score k</c>. So the score is 1 plus the number of cut points the value reaches. A score no value can
/// reach has the cut point <see cref="Unreachable"/> (<see cref="long.MaxValue"/> or <see cref="long.MinValue"/>).
/// </summary>
public sealed record RfmThresholds
{
    public RfmThresholds(RfmDirection direction, long score2, long score3, long score4, long score5)
    {
        var ordered = direction == RfmDirection.HigherIsBetter
            ? score2 <= score3 && score3 <= score4 && score4 <= score5
            : score2 >= score3 && score3 >= score4 && score4 >= score5;
        if (!ordered)
        {
            throw new ArgumentException("Cut points must be monotone: each score needs at least as good a value as the one below.");
        }

        Direction = direction;
        Score2 = score2;
        Score3 = score3;
        Score4 = score4;
        Score5 = score5;
    }

    public RfmDirection Direction { get; }

    public long Score2 { get; }

    public long Score3 { get; }

    public long Score4 { get; }

    public long Score5 { get; }

    /// <summary>The cut point that no value reaches, for this direction.</summary>
    public long Unreachable => UnreachableFor(Direction);

    public static long UnreachableFor(RfmDirection direction) =>
        direction == RfmDirection.HigherIsBetter ? long.MaxValue : long.MinValue;

    /// <summary>The cut points in order, for score 2 to score 5.</summary>
    public IReadOnlyList<long> Values => [Score2, Score3, Score4, Score5];

    /// <summary>The score of a value: 1 plus the number of cut points it reaches.</summary>
    public int Score(long value) => 1 + Reached(value, Score2) + Reached(value, Score3) + Reached(value, Score4) + Reached(value, Score5);

    internal bool Reaches(long value, long cut) => cut != Unreachable
        && (Direction == RfmDirection.HigherIsBetter ? value >= cut : value <= cut);

    private int Reached(long value, long cut) => Reaches(value, cut) ? 1 : 0;
}
