using System.Buffers.Text;
using System.Text;

namespace Segmentation.Grains.Segments;

/// <summary>The opaque cursor of a members page: the last customer id of the page, base64url-encoded.</summary>
public static class SegmentMemberCursor
{
    public static string Encode(string customerId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(customerId));

    /// <summary>The customer id after which the next page starts; null for a null cursor.</summary>
    /// <exception cref="ArgumentException">The cursor was not made by <see cref="Encode"/>.</exception>
    public static string? Decode(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException exception)
        {
            throw new ArgumentException("The cursor is not one a members page returned.", nameof(cursor), exception);
        }
    }
}
