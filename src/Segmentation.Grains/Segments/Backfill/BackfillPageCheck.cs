using Segmentation.Grains.Customers;

namespace Segmentation.Grains.Segments;

/// <summary>One registry page's answers to <see cref="CustomerGrain.CheckBackfillAsync"/>, by position in the page; reused page after page.</summary>
internal sealed class BackfillPageCheck(string segmentId, int version, int pageSize)
{
    private readonly SegmentBackfillNeed[] _needs = new SegmentBackfillNeed[pageSize];

    public async ValueTask CheckAsync(CustomerGrain customer, int index) =>
        _needs[index] = await customer.CheckBackfillAsync(segmentId, version);

    /// <summary>Whether a customer of the first <paramref name="count"/> found the version superseded.</summary>
    public bool Superseded(int count) => Array.IndexOf(_needs, SegmentBackfillNeed.Superseded, 0, count) >= 0;

    /// <summary>The customers of the page that must evaluate durably, in page order.</summary>
    public List<string> Asked(IReadOnlyList<string> keys)
    {
        var asked = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (_needs[i] == SegmentBackfillNeed.Evaluate)
            {
                asked.Add(keys[i]);
            }
        }

        return asked;
    }
}
