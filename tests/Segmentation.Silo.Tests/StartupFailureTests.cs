using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Segmentation.Runtime.Storage;
using Segmentation.Silo.Hosting;

namespace Segmentation.Silo.Tests;

public sealed class StartupFailureTests
{
    [Fact]
    public void TryDescribe_StorageOpenException_IsStorageUnavailableWithItsMessage()
    {
        var described = StartupFailure.TryDescribe(new StorageOpenException("The data directory is in use."), out var failure);

        Assert.True(described);
        Assert.Equal(SiloExitCodes.StorageUnavailable, failure!.ExitCode);
        Assert.Equal($"{StartupFailure.Prefix}The data directory is in use.", failure.ToLine());
    }

    [Fact]
    public void TryDescribe_SeveralInvalidOptions_NamesEveryFailureOnOneLine()
    {
        var exception = new AggregateException(
            new OptionsValidationException("a", typeof(object), ["Segmentation:Silo:PartitionCount must be between 1 and 65536; got 0."]),
            new OptionsValidationException("b", typeof(object), ["Segmentation:ShutdownTimeout must be a positive duration; got 00:00:00."]));

        var described = StartupFailure.TryDescribe(exception, out var failure);

        Assert.True(described);
        Assert.Equal(SiloExitCodes.InvalidConfiguration, failure!.ExitCode);
        Assert.Equal(
            $"{StartupFailure.Prefix}invalid configuration: Segmentation:Silo:PartitionCount must be between 1 and 65536; got 0. " +
            "Segmentation:ShutdownTimeout must be a positive duration; got 00:00:00.",
            failure.ToLine());
    }

    [Fact]
    public void TryDescribe_UnconvertibleSetting_IsInvalidConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Count", "abc")]).Build();
        var exception = Assert.Throws<InvalidOperationException>(() => configuration.Get<CountSettings>());

        var described = StartupFailure.TryDescribe(exception, out var failure);

        Assert.True(described);
        Assert.Equal(SiloExitCodes.InvalidConfiguration, failure!.ExitCode);
        Assert.Contains("'Count'", failure.ToLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryDescribe_UnexpectedException_IsNotDescribed()
    {
        var described = StartupFailure.TryDescribe(new InvalidOperationException("a bug"), out var failure);

        Assert.False(described);
        Assert.Null(failure);
    }

    [Fact]
    public void TryDescribe_AggregateWithUnexpectedException_IsNotDescribed()
    {
        var exception = new AggregateException(new StorageOpenException("in use"), new NullReferenceException());

        Assert.False(StartupFailure.TryDescribe(exception, out _));
    }

    [Fact]
    public void ToLine_MultilineMessage_IsOneLine()
    {
        var failure = new StartupFailure(SiloExitCodes.StorageUnavailable, "first line\r\n  second line\nthird");

        Assert.Equal($"{StartupFailure.Prefix}first line second line third", failure.ToLine());
    }

    private sealed class CountSettings
    {
        public int Count { get; set; }
    }
}
