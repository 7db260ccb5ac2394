using Segmentation.Domain.Profiles;
using Segmentation.Grains.Customers;

namespace Segmentation.Grains.Tests.Customers;

public sealed class StoredGrainSnapshotTests
{
    [Fact]
    public void Deserialize_StoredFormatThreeSnapshot_WritesTheSameBytesAgain()
    {
        var stored = File.ReadAllBytes(StoredGrainSnapshot.Path);

        var again = CustomerGrainStateSerializer.Serialize(CustomerGrainStateSerializer.Deserialize(stored));

        Assert.Equal(Convert.ToHexString(stored), Convert.ToHexString(again));
    }

    [Fact]
    public void Deserialize_StoredFormatThreeSnapshot_EqualsTheStateBuiltAgain()
    {
        var built = StoredGrainSnapshot.Build();

        var read = CustomerGrainStateSerializer.Deserialize(File.ReadAllBytes(StoredGrainSnapshot.Path));

        Assert.Equal(CustomerProfileSerializer.Serialize(built.Profile), CustomerProfileSerializer.Serialize(read.Profile));
        Assert.Equal(built.LinkedAnonymousIds, read.LinkedAnonymousIds);
        Assert.Equal(built.MergedSources, read.MergedSources);
        Assert.Equal((built.ReportedRfm, built.ReportedEmail, built.Registered), (read.ReportedRfm, read.ReportedEmail, read.Registered));
        Assert.Equal(built.Segments.OrderBy(static s => s.Key, StringComparer.Ordinal), read.Segments.OrderBy(static s => s.Key, StringComparer.Ordinal));
        Assert.Equal((built.SegmentsEvaluatedAt, built.SegmentReminderAt, built.SegmentSequence), (read.SegmentsEvaluatedAt, read.SegmentReminderAt, read.SegmentSequence));
        Assert.Equal(built.Triggers.Cart, read.Triggers.Cart);
        Assert.Equal(built.Triggers.Reminders, read.Triggers.Reminders);
        Assert.Equal(built.Triggers.Ledger.Entries, read.Triggers.Ledger.Entries);
        Assert.Equal(built.Triggers.Ledger.Deferred.Select(static d => (d.Due.OccurrenceKey, d.Until)), read.Triggers.Ledger.Deferred.Select(static d => (d.Due.OccurrenceKey, d.Until)));
        Assert.Equal("shopper@example.com", read.Profile.Email);
        Assert.Equal(2, read.Profile.CartSummary.ItemCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(100)]
    public void Deserialize_SnapshotCutShort_ThrowsAFormatExceptionSayingSo(int keptBytes)
    {
        var stored = File.ReadAllBytes(StoredGrainSnapshot.Path);

        var error = Assert.Throws<FormatException>(() => CustomerGrainStateSerializer.Deserialize(stored.AsSpan(0, keptBytes)));

        Assert.Contains(keptBytes == 0 ? "Unknown customer snapshot format 0" : "shorter than its profile says", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnknownFormat_ThrowsAFormatExceptionNamingIt()
    {
        var stored = File.ReadAllBytes(StoredGrainSnapshot.Path);
        stored[0] = 9;

        var error = Assert.Throws<FormatException>(() => CustomerGrainStateSerializer.Deserialize(stored));

        Assert.Contains("format 9", error.Message, StringComparison.Ordinal);
    }
}
