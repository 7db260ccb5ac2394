namespace Segmentation.Silo.Management;

/// <summary>Whether a timeline page could be read.</summary>
internal enum TimelineReadStatus
{
    Read,

    /// <summary>No customer has the requested id.</summary>
    UnknownCustomer,

    /// <summary>The cursor was made for another customer's timeline.</summary>
    ForeignCursor,
}
