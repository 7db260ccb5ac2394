namespace Segmentation.Domain.Profiles.State;

/// <summary>Conversions between stored UTC ticks and <see cref="DateTimeOffset"/>.</summary>
internal static class Time
{
    public static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);

    public static DateTimeOffset? At(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    public static long? Min(long? left, long right) => left is { } l && l <= right ? l : right;

    public static long? Max(long? left, long right) => left is { } l && l >= right ? l : right;

    public static long? Min(long? left, long? right) => right is { } r ? Min(left, r) : left;

    public static long? Max(long? left, long? right) => right is { } r ? Max(left, r) : left;
}
