using Segmentation.Runtime;

namespace Segmentation.Grains;

/// <summary>
/// Population-wide state (RFM histograms, the email index) is split into a fixed number of shard grains by a
/// stable hash, so no single grain holds or snapshots everything.
/// </summary>
public static class Shards
{
    public const int Count = 64;

    public static string For(string key) => (StableHash.Compute(key) % Count).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IEnumerable<string> All => Enumerable.Range(0, Count).Select(static i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
