using Segmentation.Runtime;
using Segmentation.Runtime.Storage;
using static Segmentation.Storage.Tests.TestData;

namespace Segmentation.Storage.Tests;

public abstract partial class SiloStorageContractTests
{
    [Fact]
    public async Task WriteRemindersAsync_Upsert_ReadRemindersReturnsExactEntry()
    {
        // Arrange
        var reminder = Reminder(Customer("c1"), "birthday", 1, Epoch.AddDays(3), TimeSpan.FromDays(365));

        // Act
        await Storage.WriteRemindersAsync([ReminderChange.Upsert(reminder)]);

        // Assert
        var stored = Assert.Single(await Storage.ReadRemindersAsync(Customer("c1")));
        Assert.Equal(reminder, stored);
        StorageAssert.UtcEqual(reminder.DueAt, stored.DueAt);
        Assert.True(stored.IsPeriodic);
    }

    [Fact]
    public async Task WriteRemindersAsync_UpsertExisting_MovesDueTimeAndPeriod()
    {
        // Arrange
        var grain = Customer("c1");
        await Storage.WriteRemindersAsync([ReminderChange.Upsert(Reminder(grain, "lapse", 0, Epoch.AddHours(1)))]);
        var moved = Reminder(grain, "lapse", 0, Epoch.AddHours(5), TimeSpan.FromHours(1));

        // Act
        await Storage.WriteRemindersAsync([ReminderChange.Upsert(moved)]);

        // Assert
        Assert.Equal(moved, Assert.Single(await Storage.ReadRemindersAsync(grain)));
        Assert.Empty(await Storage.ReadDueAsync(0, Epoch.AddHours(2), 10));
        Assert.Equal(moved, Assert.Single(await Storage.ReadDueAsync(0, Epoch.AddHours(6), 10)));
    }

    [Fact]
    public async Task WriteRemindersAsync_Remove_DeletesOnlyThatReminder()
    {
        // Arrange
        var keep = new[]
        {
            Reminder(Customer("c1"), "birthday", 0, Epoch),
            Reminder(Customer("c2"), "cart", 0, Epoch),
            Reminder(Segment("c1"), "cart", 0, Epoch),
        };
        await Storage.WriteRemindersAsync(
            [ReminderChange.Upsert(Reminder(Customer("c1"), "cart", 0, Epoch)), .. keep.Select(ReminderChange.Upsert)]);

        // Act
        await Storage.WriteRemindersAsync([ReminderChange.Remove(Customer("c1"), "cart")]);

        // Assert
        StorageAssert.ReminderNames(["birthday"], await Storage.ReadRemindersAsync(Customer("c1")));
        Assert.Equal(keep, await Storage.ReadDueAsync(0, Epoch, 10));
    }

    [Fact]
    public async Task WriteRemindersAsync_RemoveMissing_ChangesNothing()
    {
        // Arrange
        var reminder = Reminder(Customer("c1"), "birthday", 0, Epoch);
        await Storage.WriteRemindersAsync([ReminderChange.Upsert(reminder)]);

        // Act
        await Storage.WriteRemindersAsync([ReminderChange.Remove(Customer("c1"), "missing")]);

        // Assert
        Assert.Equal(reminder, Assert.Single(await Storage.ReadRemindersAsync(Customer("c1"))));
    }

    [Fact]
    public async Task WriteRemindersAsync_SameReminderChangedTwice_LastChangeWins()
    {
        // Arrange
        var grain = Customer("c1");
        var last = Reminder(grain, "lapse", 0, Epoch.AddHours(2));

        // Act
        await Storage.WriteRemindersAsync(
        [
            ReminderChange.Upsert(Reminder(grain, "lapse", 0, Epoch.AddHours(1))),
            ReminderChange.Remove(grain, "lapse"),
            ReminderChange.Upsert(last),
            ReminderChange.Upsert(Reminder(grain, "gone", 0, Epoch)),
            ReminderChange.Remove(grain, "gone"),
        ]);

        // Assert
        Assert.Equal(last, Assert.Single(await Storage.ReadRemindersAsync(grain)));
    }

    [Fact]
    public async Task WriteRemindersAsync_InvalidChange_ThrowsAndWritesNothing()
    {
        // Arrange
        var valid = Reminder(Customer("c1"), "valid", 0, Epoch);
        var unknownPartition = Reminder(Customer("c1"), "invalid", PartitionCount, Epoch);

        // Act
        var write = () => Storage.WriteRemindersAsync([ReminderChange.Upsert(valid), ReminderChange.Upsert(unknownPartition)]);

        // Assert
        await Assert.ThrowsAsync<ArgumentException>(write);
        Assert.Empty(await Storage.ReadRemindersAsync(Customer("c1")));
    }

    [Fact]
    public async Task ReadDueAsync_MixedDueTimes_ReturnsDueOnesEarliestFirst()
    {
        // Arrange
        await WriteRemindersAsync(
            Reminder(Customer("a"), "third", 0, Epoch.AddSeconds(3)),
            Reminder(Customer("b"), "first", 0, Epoch.AddSeconds(1)),
            Reminder(Customer("c"), "later", 0, Epoch.AddMinutes(5)),
            Reminder(Customer("d"), "second", 0, Epoch.AddSeconds(2)));

        // Act
        var due = await Storage.ReadDueAsync(0, Epoch.AddMinutes(1), 10);

        // Assert
        StorageAssert.ReminderNames(["first", "second", "third"], due);
    }

    [Fact]
    public async Task ReadDueAsync_EqualDueTimes_OrdersByGrainTypeThenKeyThenName()
    {
        // Arrange
        await WriteRemindersAsync(
            Reminder(Segment("a"), "1", 0, Epoch),
            Reminder(Customer("b"), "2", 0, Epoch),
            Reminder(Customer("a"), "y", 0, Epoch),
            Reminder(Customer("a"), "x", 0, Epoch));

        // Act
        var due = await Storage.ReadDueAsync(0, Epoch, 10);

        // Assert
        Assert.Equal(
            [(Customer("a"), "x"), (Customer("a"), "y"), (Customer("b"), "2"), (Segment("a"), "1")],
            due.Select(entry => (entry.GrainId, entry.Name)));
    }

    [Fact]
    public async Task ReadDueAsync_EqualDueTimesAndKeysBeyondBasicPlane_OrdersByCodePoint()
    {
        // Arrange: U+FFFD sorts before U+1F600 by code point (and UTF-8 bytes), after it by UTF-16 code unit.
        await WriteRemindersAsync(
            Reminder(Customer("\U0001F600"), "r", 0, Epoch),
            Reminder(Customer("\uFFFD"), "r", 0, Epoch));

        // Act
        var due = await Storage.ReadDueAsync(0, Epoch, 10);

        // Assert
        Assert.Equal(["\uFFFD", "\U0001F600"], due.Select(entry => entry.GrainId.Key));
    }

    [Fact]
    public async Task ReadDueAsync_Limit_ReturnsOnlyTheEarliest()
    {
        // Arrange
        await WriteRemindersAsync(Enumerable.Range(0, 5)
            .Select(i => Reminder(Customer($"c{i}"), $"r{i}", 0, Epoch.AddSeconds(10 - i))).ToArray());

        // Act
        var due = await Storage.ReadDueAsync(0, Epoch.AddMinutes(1), 2);

        // Assert
        StorageAssert.ReminderNames(["r4", "r3"], due);
    }

    [Fact]
    public async Task ReadDueAsync_OtherPartitions_NotReturned()
    {
        // Arrange
        await WriteRemindersAsync(
            Reminder(Customer("c0"), "mine", 2, Epoch),
            Reminder(Customer("c1"), "other", 1, Epoch),
            Reminder(Customer("c2"), "other", 3, Epoch));

        // Act
        var due = await Storage.ReadDueAsync(2, Epoch.AddDays(1), 10);

        // Assert
        StorageAssert.ReminderNames(["mine"], due);
    }

    [Fact]
    public async Task ReadDueAsync_DueExactlyAtBound_ReturnedButNotOneTickEarlier()
    {
        // Arrange: the bound is inclusive, DueAt <= dueBefore.
        var reminder = Reminder(Customer("c1"), "cart", 0, Epoch);
        await WriteRemindersAsync(reminder);

        // Act
        var oneTickEarlier = await Storage.ReadDueAsync(0, Epoch.AddTicks(-1), 10);
        var atBound = await Storage.ReadDueAsync(0, Epoch, 10);

        // Assert
        Assert.Empty(oneTickEarlier);
        Assert.Equal(reminder, Assert.Single(atBound));
    }

    [Fact]
    public async Task ReadDueAsync_SubSecondDueTimes_RoundTripToTheTick()
    {
        // Arrange
        var early = Reminder(Customer("c1"), "early", 0, Epoch.AddTicks(1));
        var late = Reminder(Customer("c1"), "late", 0, Epoch.AddTicks(2));
        await WriteRemindersAsync(late, early);

        // Act
        var due = await Storage.ReadDueAsync(0, Epoch.AddTicks(1), 10);

        // Assert
        var entry = Assert.Single(due);
        Assert.Equal("early", entry.Name);
        StorageAssert.UtcEqual(early.DueAt, entry.DueAt);
    }

    [Fact]
    public async Task ReadDueAsync_DueTimesWithOffsets_ComparedAsInstants()
    {
        // Arrange: 13:00 at +02:00 is 11:00 UTC, before 12:00 UTC.
        var reminder = Reminder(Customer("c1"), "tz", 0, new DateTimeOffset(2025, 3, 1, 13, 0, 0, TimeSpan.FromHours(2)));
        await WriteRemindersAsync(reminder);

        // Act
        var due = await Storage.ReadDueAsync(0, new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), 10);

        // Assert
        StorageAssert.UtcEqual(reminder.DueAt, Assert.Single(due).DueAt);
    }

    [Fact]
    public async Task ReadDueAsync_LimitZero_ThrowsArgumentOutOfRange()
    {
        // Act
        var read = () => Storage.ReadDueAsync(0, Epoch, 0);

        // Assert
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(read);
    }

    [Fact]
    public async Task ReadRemindersAsync_SeveralGrains_ReturnsOnlyThatGrainsByName()
    {
        // Arrange
        await WriteRemindersAsync(
            Reminder(Customer("c1"), "lapse", 0, Epoch),
            Reminder(Customer("c1"), "birthday", 0, Epoch.AddDays(1)),
            Reminder(Segment("c1"), "refresh", 0, Epoch),
            Reminder(Customer("c10"), "cart", 0, Epoch));

        // Act
        var reminders = await Storage.ReadRemindersAsync(Customer("c1"));

        // Assert
        StorageAssert.ReminderNames(["birthday", "lapse"], reminders);
        Assert.All(reminders, entry => Assert.Equal(Customer("c1"), entry.GrainId));
        Assert.Empty(await Storage.ReadRemindersAsync(Customer("none")));
    }

    private Task WriteRemindersAsync(params ReminderEntry[] entries) =>
        Storage.WriteRemindersAsync(entries.Select(ReminderChange.Upsert).ToArray());
}
