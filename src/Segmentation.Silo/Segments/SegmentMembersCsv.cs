using System.Globalization;
using System.Text;
using Segmentation.Grains.Segments;

namespace Segmentation.Silo.Segments;

/// <summary>
/// The CSV export of a segment's members (RFC 4180): a <c>customer_id,since</c> header, then one line per member
/// with <c>since</c> in ISO 8601 UTC; lines end with CRLF, and a field holding a comma, a double quote, CR or LF is
/// enclosed in double quotes with its double quotes doubled. Ids are written as they are, never altered.
/// </summary>
internal static class SegmentMembersCsv
{
    public const string ContentType = "text/csv; charset=utf-8; header=present";
    public const string Header = "customer_id,since\r\n";

    /// <summary>The file name offered for the download, e.g. <c>segment-vip-members.csv</c>.</summary>
    public static string FileName(string segmentId) => $"segment-{segmentId}-members.csv";

    public static void AppendLine(StringBuilder builder, SegmentMember member)
    {
        AppendField(builder, member.CustomerId);
        builder.Append(',')
            .Append(member.Since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture))
            .Append("\r\n");
    }

    public static void AppendField(StringBuilder builder, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            builder.Append(value);
            return;
        }

        builder.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
