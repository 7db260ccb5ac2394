using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>Email opens and clicks, in total and per campaign: counters and min/max times, so order does not matter.</summary>
internal sealed class EngagementState : IProfilePart<EngagementState>
{
    /// <summary>The part of a profile that has none yet, for reads: never changed.</summary>
    public static EngagementState Empty { get; } = new();

    private readonly Counter _total = new();
    private readonly Dictionary<string, Counter> _campaigns = new(StringComparer.Ordinal);

    public bool IsEmpty => _total.Opens == 0 && _total.Clicks == 0 && _campaigns.Count == 0;

    public void Record(bool isClick, long ticks, string? campaign)
    {
        _total.Record(isClick, ticks);
        if (campaign is null)
        {
            return;
        }

        if (!_campaigns.TryGetValue(campaign, out var counter))
        {
            counter = new Counter();
            _campaigns.Add(campaign, counter);
        }

        counter.Record(isClick, ticks);
    }

    public EmailEngagement Totals => new(
        _total.Opens,
        _total.Clicks,
        Time.At(_total.FirstOpen),
        Time.At(_total.LastOpen),
        Time.At(_total.FirstClick),
        Time.At(_total.LastClick));

    public CampaignEngagement? Campaign(string campaign) =>
        _campaigns.TryGetValue(campaign, out var c) ? ToView(campaign, c) : null;

    public IReadOnlyList<CampaignEngagement> Campaigns() => _campaigns
        .OrderBy(pair => pair.Key, StringComparer.Ordinal)
        .Select(pair => ToView(pair.Key, pair.Value))
        .ToList();

    public void MergeFrom(EngagementState other)
    {
        _total.MergeFrom(other._total);
        foreach (var (campaign, counter) in other._campaigns)
        {
            if (!_campaigns.TryGetValue(campaign, out var mine))
            {
                mine = new Counter();
                _campaigns.Add(campaign, mine);
            }

            mine.MergeFrom(counter);
        }
    }

    public void Write(SnapshotWriter writer)
    {
        _total.Write(writer);
        writer.WriteInt(_campaigns.Count);
        foreach (var (campaign, counter) in _campaigns.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WriteString(campaign);
            counter.Write(writer);
        }
    }

    public static EngagementState Read(SnapshotReader reader)
    {
        var state = new EngagementState();
        state._total.Read(reader);
        var count = reader.ReadCount();
        for (var i = 0; i < count; i++)
        {
            var campaign = reader.ReadString();
            var counter = new Counter();
            counter.Read(reader);
            state._campaigns[campaign] = counter;
        }

        return state;
    }

    private static CampaignEngagement ToView(string campaign, Counter counter) =>
        new(campaign, counter.Opens, counter.Clicks, Time.At(counter.LastOpen), Time.At(counter.LastClick));

    private sealed class Counter
    {
        public int Opens { get; private set; }

        public int Clicks { get; private set; }

        public long? FirstOpen { get; private set; }

        public long? LastOpen { get; private set; }

        public long? FirstClick { get; private set; }

        public long? LastClick { get; private set; }

        public void Record(bool isClick, long ticks)
        {
            if (isClick)
            {
                Clicks++;
                FirstClick = Time.Min(FirstClick, ticks);
                LastClick = Time.Max(LastClick, ticks);
            }
            else
            {
                Opens++;
                FirstOpen = Time.Min(FirstOpen, ticks);
                LastOpen = Time.Max(LastOpen, ticks);
            }
        }

        public void MergeFrom(Counter other)
        {
            Opens += other.Opens;
            Clicks += other.Clicks;
            FirstOpen = Time.Min(FirstOpen, other.FirstOpen);
            LastOpen = Time.Max(LastOpen, other.LastOpen);
            FirstClick = Time.Min(FirstClick, other.FirstClick);
            LastClick = Time.Max(LastClick, other.LastClick);
        }

        public void Write(SnapshotWriter writer)
        {
            writer.WriteInt(Opens);
            writer.WriteInt(Clicks);
            writer.WriteOptionalLong(FirstOpen);
            writer.WriteOptionalLong(LastOpen);
            writer.WriteOptionalLong(FirstClick);
            writer.WriteOptionalLong(LastClick);
        }

        public void Read(SnapshotReader reader)
        {
            Opens = reader.ReadInt();
            Clicks = reader.ReadInt();
            FirstOpen = reader.ReadOptionalLong();
            LastOpen = reader.ReadOptionalLong();
            FirstClick = reader.ReadOptionalLong();
            LastClick = reader.ReadOptionalLong();
        }
    }
}
