using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Segmentation.Delivery.Outbox;

/// <summary>
/// Where a page of the send log ended: the creation time and id of its last send (pages go newest first). Opaque to
/// callers: base64url of <c>ticks:sendId</c>.
/// </summary>
public sealed record SendCursor(DateTimeOffset CreatedAt, string SendId)
{
    internal SendKey Key => new(CreatedAt, SendId);

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{SendId}"));

    /// <summary>Reads a cursor that <see cref="Encode"/> wrote; false for anything else.</summary>
    public static bool TryDecode(string? text, out SendCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 128)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }

        var value = Encoding.UTF8.GetString(bytes);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0
            || !long.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Sends.SendIds.IsWellFormed(value[(colon + 1)..]))
        {
            return false;
        }

        cursor = new SendCursor(new DateTimeOffset(ticks, TimeSpan.Zero), value[(colon + 1)..]);
        return true;
    }
}
