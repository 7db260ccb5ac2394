namespace Segmentation.Grains;

/// <summary>The kinds of log record the grains of this project exchange.</summary>
public static class RecordKinds
{
    /// <summary>An accepted tracking call (payload: the serialized tracking message).</summary>
    public const string Tracking = "tracking";

    /// <summary>To an anonymous customer: a known customer claimed this id; merge into it (payload: its key).</summary>
    public const string Link = "link";

    /// <summary>To a known customer: an anonymous profile to merge in (payload: source key and profile).</summary>
    public const string Merge = "merge";

    /// <summary>To an RFM shard: one customer's current RFM input.</summary>
    public const string RfmUpdate = "rfm";

    /// <summary>To an email index shard: one customer's current email.</summary>
    public const string EmailUpdate = "email";
}
