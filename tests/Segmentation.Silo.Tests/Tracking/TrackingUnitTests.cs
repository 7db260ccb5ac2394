using Microsoft.Extensions.Options;
using Segmentation.Silo.Tracking;
using Segmentation.Tracking;

namespace Segmentation.Silo.Tests.Tracking;

/// <summary>The tracking API's pure parts: Basic credentials, write-key checks, the pending bound, future timestamps.</summary>
public sealed class TrackingUnitTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Basic a2V5LTEyMzQ1Njc4OTAxMjM0NTY6", nameof(WriteKeyStatus.Valid), "key-1234567890123456")] // "key-1234567890123456:"
    [InlineData("basic a2V5LTEyMzQ1Njc4OTAxMjM0NTY6", nameof(WriteKeyStatus.Valid), "key-1234567890123456")] // scheme is case-insensitive
    [InlineData("Basic a2V5LTEyMzQ1Njc4OTAxMjM0NTY6aWdub3JlZA==", nameof(WriteKeyStatus.Valid), "key-1234567890123456")] // password ignored
    [InlineData("Basic a2V5LTEyMzQ1Njc4OTAxMjM0NTY=", nameof(WriteKeyStatus.Valid), "key-1234567890123456")] // no colon at all
    [InlineData("Basic Og==", nameof(WriteKeyStatus.Missing), null)] // ":" - an empty user name
    [InlineData(null, nameof(WriteKeyStatus.Missing), null)]
    [InlineData("", nameof(WriteKeyStatus.Missing), null)]
    [InlineData("Bearer a2V5", nameof(WriteKeyStatus.MalformedAuthorization), null)]
    [InlineData("Basic", nameof(WriteKeyStatus.MalformedAuthorization), null)]
    [InlineData("Basic !!!", nameof(WriteKeyStatus.MalformedAuthorization), null)]
    [InlineData("Basic /w==", nameof(WriteKeyStatus.MalformedAuthorization), null)] // 0xFF is not UTF-8
    [InlineData("Basicxa2V5", nameof(WriteKeyStatus.MalformedAuthorization), null)]
    public void BasicAuthorization_TryRead_ReadsTheUserNameAsTheKey(string? header, string expected, string? key)
    {
        var status = BasicAuthorization.TryRead(header, out var userName);

        Assert.Equal((Enum.Parse<WriteKeyStatus>(expected), key), (status, userName));
    }

    [Theory]
    [InlineData("active-key-0000000001", nameof(WriteKeyStatus.Valid), "shop")]
    [InlineData("revoked-key-000000002", nameof(WriteKeyStatus.Revoked), "old-shop")]
    [InlineData("active-key-000000000", nameof(WriteKeyStatus.Unknown), null)] // a prefix
    [InlineData("active-key-00000000011", nameof(WriteKeyStatus.Unknown), null)] // an extension
    [InlineData("ACTIVE-KEY-0000000001", nameof(WriteKeyStatus.Unknown), null)] // keys are case-sensitive
    [InlineData("", nameof(WriteKeyStatus.Missing), null)]
    [InlineData(null, nameof(WriteKeyStatus.Missing), null)]
    public void WriteKeyAuthenticator_Check_ComparesWholeKeysAndReportsRevocation(string? key, string expected, string? source)
    {
        var authenticator = new WriteKeyAuthenticator(Options.Create(new TrackingOptions
        {
            WriteKeys =
            [
                new TrackingWriteKey { Key = "active-key-0000000001", Name = "shop" },
                new TrackingWriteKey { Key = "revoked-key-000000002", Name = "old-shop", Revoked = true },
            ],
        }));

        var check = authenticator.Check(key);

        Assert.Equal((Enum.Parse<WriteKeyStatus>(expected), source), (check.Status, check.SourceName));
        Assert.Equal((1, 1), (authenticator.ActiveKeyCount, authenticator.RevokedKeyCount));
    }

    [Fact]
    public void WriteKeyAuthenticator_NoKeys_RefusesEverything()
    {
        var authenticator = new WriteKeyAuthenticator(Options.Create(new TrackingOptions()));

        Assert.Equal(0, authenticator.ActiveKeyCount);
        Assert.Equal(WriteKeyStatus.Unknown, authenticator.Check("segmentation-development-write-key").Status);
    }

    [Fact]
    public void PendingTrackingEvents_TryReserve_HoldsTheBoundButAlwaysAdmitsOneRequestWhenIdle()
    {
        var pending = new PendingTrackingEvents(Options.Create(new TrackingOptions { MaxPendingEvents = 10 }));

        var oversizedAlone = pending.TryReserve(25);
        var whileOversizedPending = pending.TryReserve(1);
        pending.Release(25);
        var first = pending.TryReserve(6);
        var exactlyToTheBound = pending.TryReserve(4);
        var pastTheBound = pending.TryReserve(1);

        Assert.Equal((true, false, true, true, false), (oversizedAlone, whileOversizedPending, first, exactlyToTheBound, pastTheBound));
        Assert.Equal(10, pending.Count);
        Assert.True(pending.IsFull);
    }

    [Fact]
    public void PendingTrackingEvents_OverloadTransitions_AreReportedOnce()
    {
        var pending = new PendingTrackingEvents(Options.Create(new TrackingOptions { MaxPendingEvents = 1 }));

        Assert.Equal((false, true, false, true, false), (pending.LeaveOverload(), pending.EnterOverload(), pending.EnterOverload(), pending.LeaveOverload(), pending.LeaveOverload()));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(300, 300)] // exactly the tolerance: kept
    [InlineData(301, 0)] // beyond it: the receive time
    [InlineData(-86_400, -86_400)] // the past is never touched
    [InlineData(31_536_000, 0)]
    public void FutureTimestamps_Clamp_ReplacesOnlyTimestampsBeyondTheTolerance(int offsetSeconds, int expectedOffsetSeconds)
    {
        var message = new TrackingMessage
        {
            Type = TrackingMessageType.Track,
            MessageId = "m-1",
            UserId = "u-1",
            Event = "Product Viewed",
            Timestamp = ReceivedAt.AddSeconds(offsetSeconds),
            ReceivedAt = ReceivedAt,
        };

        var clamped = FutureTimestamps.Clamp(message, TimeSpan.FromMinutes(5));

        Assert.Equal(ReceivedAt.AddSeconds(expectedOffsetSeconds), clamped.Timestamp);
        Assert.Equal(message with { Timestamp = clamped.Timestamp }, clamped);
    }
}
