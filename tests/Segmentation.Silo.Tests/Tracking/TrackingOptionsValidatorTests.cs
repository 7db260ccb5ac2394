using Segmentation.Silo.Tracking;

namespace Segmentation.Silo.Tests.Tracking;

public sealed class TrackingOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = new TrackingOptionsValidator().Validate(null, new TrackingOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_BadValues_NameEachSettingWithoutEchoingKeys()
    {
        const string shortKey = "short-key";
        const string duplicate = "duplicate-write-key-0001";
        var options = new TrackingOptions
        {
            WriteKeys =
            [
                new TrackingWriteKey { Key = shortKey, Name = "a" },
                new TrackingWriteKey { Key = duplicate, Name = "b" },
                new TrackingWriteKey { Key = duplicate, Name = "c" },
                new TrackingWriteKey { Key = "colon:in-the-write-key-01", Name = "d" },
                new TrackingWriteKey { Key = "no-name-write-key-000001", Name = " " },
            ],
            MaxPendingEvents = 0,
            RetryAfter = TimeSpan.Zero,
            FutureTimestampTolerance = TimeSpan.FromMinutes(-1),
        };
        options.Limits.MaxRequestBytes = 100;

        var result = new TrackingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Segmentation:Tracking:WriteKeys:0:Key must be at least 16 characters", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Segmentation:Tracking:WriteKeys:2:Key is the same key as Segmentation:Tracking:WriteKeys:1:Key", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Segmentation:Tracking:WriteKeys:3:Key may contain neither a colon", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Segmentation:Tracking:WriteKeys:4:Name", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Segmentation:Tracking:Limits:MaxRequestBytes", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Segmentation:Tracking:MaxPendingEvents", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Segmentation:Tracking:RetryAfter", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Segmentation:Tracking:FutureTimestampTolerance", StringComparison.Ordinal));
        Assert.Equal(8, failures.Count);
        Assert.DoesNotContain(failures, f => f.Contains(shortKey, StringComparison.Ordinal) || f.Contains(duplicate, StringComparison.Ordinal));
    }
}
