namespace Segmentation.LoadGenerator.Shoppers;

/// <summary>
/// A small, fast, seedable random source (xoshiro256** seeded through SplitMix64) whose sequence never changes
/// between .NET versions, so a seed always gives the same shoppers.
/// </summary>
public sealed class ShopperRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>A source seeded with <paramref name="seed"/>.</summary>
    public ShopperRandom(long seed)
    {
        var state = (ulong)seed;
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExclusive, 1);
        return (int)((NextUInt64() >> 32) * (ulong)maxExclusive >> 32);
    }

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A well-mixed 64-bit hash of <paramref name="value"/> and <paramref name="salt"/>, for per-item properties.</summary>
    public static ulong Hash(long value, ulong salt)
    {
        var state = (ulong)value ^ (salt * 0x9E3779B97F4A7C15UL);
        return SplitMix(ref state);
    }

    /// <summary>A double in [0, 1) from <see cref="Hash"/>.</summary>
    public static double HashToUnit(long value, ulong salt) => (Hash(value, salt) >> 11) * (1.0 / (1UL << 53));

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
