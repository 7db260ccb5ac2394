using Segmentation.Domain.Rfm;

namespace Segmentation.Grains.Rfm;

/// <summary>The population's latest RFM cut points, shared by every customer grain and reader of the silo.</summary>
public sealed class RfmCutPointsCache
{
    private volatile RfmCutPoints? _current;

    /// <summary>Null until the first refresh (or when nobody has ordered yet with quintile scoring).</summary>
    public RfmCutPoints? Current => _current;

    public DateTimeOffset? RefreshedAt { get; private set; }

    public void Set(RfmCutPoints cutPoints, DateTimeOffset at)
    {
        _current = cutPoints;
        RefreshedAt = at;
    }
}
