namespace Segmentation.Tracking;

/// <summary>The tracking endpoint a request was posted to (<c>/v1/batch</c>, <c>/v1/track</c>, ...).</summary>
public enum TrackingEndpoint
{
    /// <summary><c>/v1/batch</c>: <c>{"batch": [...]}</c>, each item carrying its own <c>type</c>.</summary>
    Batch,

    /// <summary><c>/v1/track</c>: one track call.</summary>
    Track,

    /// <summary><c>/v1/identify</c>: one identify call.</summary>
    Identify,

    /// <summary><c>/v1/page</c>: one page call.</summary>
    Page,

    /// <summary><c>/v1/screen</c>: one screen call.</summary>
    Screen,

    /// <summary><c>/v1/group</c>: one group call.</summary>
    Group,

    /// <summary><c>/v1/alias</c>: one alias call.</summary>
    Alias,
}
