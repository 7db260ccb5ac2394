namespace Segmentation.Tracking;

/// <summary>
/// Size and shape limits of the tracking API. The defaults match Segment's documented limits
/// (32 KB per call, 500 KB per batch request) and the runtime's grain-key limit.
/// </summary>
public sealed class TrackingLimits
{
    /// <summary>The largest id the runtime accepts as a grain key; <see cref="MaxIdLength"/> may not exceed it.</summary>
    public const int MaxSupportedIdLength = 256;

    /// <summary>The shallowest nesting <see cref="MaxJsonDepth"/> may be set to: body, batch array, call.</summary>
    public const int MinSupportedJsonDepth = 3;

    /// <summary>The deepest nesting <see cref="MaxJsonDepth"/> may be set to.</summary>
    public const int MaxSupportedJsonDepth = 256;

    /// <summary>The largest single event, measured as the UTF-8 bytes of its JSON object. Default: 32 KB (32,768 bytes).</summary>
    public int MaxEventBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// The largest request body, in bytes, measured after gzip decompression. Default: 500 KB (512,000 bytes).
    /// </summary>
    public int MaxRequestBytes { get; set; } = 500 * 1024;

    /// <summary>The deepest nesting of JSON objects and arrays in a request, the body's own object counting as 1. Default: 32.</summary>
    public int MaxJsonDepth { get; set; } = 32;

    /// <summary>The longest <c>messageId</c>, in characters. Default: 100 (Segment's limit).</summary>
    public int MaxMessageIdLength { get; set; } = 100;

    /// <summary>
    /// The longest <c>userId</c>, <c>anonymousId</c>, <c>previousId</c> or <c>groupId</c>, in characters.
    /// Default: 256, the runtime's grain-key limit (ids become grain keys).
    /// </summary>
    public int MaxIdLength { get; set; } = MaxSupportedIdLength;

    /// <summary>Checks every limit and explains each bad value; an empty list means the limits are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxEventBytes < 1)
        {
            errors.Add($"{nameof(MaxEventBytes)} must be positive; got {MaxEventBytes}.");
        }

        if (MaxRequestBytes < MaxEventBytes)
        {
            errors.Add(
                $"{nameof(MaxRequestBytes)} ({MaxRequestBytes}) must be at least {nameof(MaxEventBytes)} ({MaxEventBytes}): "
                + "a request must be able to carry one event of the largest allowed size.");
        }

        if (MaxJsonDepth is < MinSupportedJsonDepth or > MaxSupportedJsonDepth)
        {
            errors.Add(
                $"{nameof(MaxJsonDepth)} must be between {MinSupportedJsonDepth} and {MaxSupportedJsonDepth}; got {MaxJsonDepth} "
                + "(a batch nests at least the body object, its batch array and the call objects).");
        }

        if (MaxMessageIdLength < 1)
        {
            errors.Add($"{nameof(MaxMessageIdLength)} must be positive; got {MaxMessageIdLength}.");
        }

        if (MaxIdLength is < 1 or > MaxSupportedIdLength)
        {
            errors.Add(
                $"{nameof(MaxIdLength)} must be between 1 and {MaxSupportedIdLength} (the grain-key limit); got {MaxIdLength}.");
        }

        return errors;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every bad value, if any.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid tracking limits: " + string.Join(" ", errors));
        }
    }
}
