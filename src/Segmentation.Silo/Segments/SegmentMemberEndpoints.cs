using System.ComponentModel;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Segmentation.Grains.Segments;

namespace Segmentation.Silo.Segments;

/// <summary>The handlers of <c>/api/segments/{id}</c> for membership: members (JSON pages and CSV export) and size history.</summary>
internal static class SegmentMemberEndpoints
{
    public const int DefaultMemberLimit = 100;
    public const int MaxMemberLimit = 1000;

    public static async Task<Results<Ok<SegmentMembersResponse>, ProblemHttpResult>> GetMembersAsync(
        [Description("The segment's id.")] string id,
        [Description("The cursor of the page to read (the 'next' of the previous page); none for the first page.")] string? cursor,
        [Description("Members per page, 1 to 1000; 100 when not given.")] string? limit,
        [FromServices] SegmentDirectory segments,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var pageSize = DefaultMemberLimit;
        if (limit is not null
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxMemberLimit))
        {
            errors["limit"] = [$"The limit must be a whole number from 1 to {MaxMemberLimit}."];
        }

        if (errors.Count > 0)
        {
            return SegmentProblems.InvalidRequest(errors);
        }

        SegmentMembersPage? page;
        try
        {
            page = SegmentEndpoints.IsPossibleId(id) ? await segments.GetMembersAsync(id, cursor, pageSize, cancellationToken) : null;
        }
        catch (ArgumentException exception) when (exception.ParamName == nameof(cursor))
        {
            return SegmentProblems.InvalidRequest(nameof(cursor), "The cursor is not one this API returned as 'next'.");
        }

        if (page is null)
        {
            return SegmentProblems.UnknownSegment(id);
        }

        var nextLink = page.NextCursor is null
            ? null
            : $"/api/segments/{Uri.EscapeDataString(id)}/members?cursor={Uri.EscapeDataString(page.NextCursor)}&limit={pageSize}";
        return TypedResults.Ok(new SegmentMembersResponse(id, page.Total, page.Members, page.NextCursor, nextLink));
    }

    /// <summary>Streams every member as CSV, a page at a time; 404 before anything is written when there is no such segment.</summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportMembersAsync(
        [Description("The segment's id.")] string id,
        [FromServices] SegmentDirectory segments,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var first = SegmentEndpoints.IsPossibleId(id) ? await segments.GetMembersAsync(id, null, MaxMemberLimit, cancellationToken) : null;
        if (first is null)
        {
            return SegmentProblems.UnknownSegment(id);
        }

        return TypedResults.Stream(
            stream => WriteCsvAsync(stream, id, first, segments, context, cancellationToken),
            SegmentMembersCsv.ContentType,
            SegmentMembersCsv.FileName(id));
    }

    public static async Task<Results<Ok<SegmentHistoryResponse>, ProblemHttpResult>> GetHistoryAsync(
        [Description("The segment's id.")] string id,
        [Description("minute (per minute, the last 48 hours; the default) or hour (per hour, the last 90 days).")] string? resolution,
        [FromServices] SegmentDirectory segments,
        CancellationToken cancellationToken)
    {
        var word = resolution?.ToLowerInvariant() ?? "minute";
        SegmentHistoryResolution? parsed = word switch
        {
            "minute" => SegmentHistoryResolution.Minute,
            "hour" => SegmentHistoryResolution.Hour,
            _ => null,
        };
        if (parsed is null)
        {
            return SegmentProblems.InvalidRequest("resolution", $"The resolution must be 'minute' or 'hour'; got '{resolution}'.");
        }

        var points = SegmentEndpoints.IsPossibleId(id) ? await segments.GetHistoryAsync(id, parsed.Value, cancellationToken) : null;
        return points is null ? SegmentProblems.UnknownSegment(id) : TypedResults.Ok(new SegmentHistoryResponse(id, word, points));
    }

    private static async Task WriteCsvAsync(
        Stream stream, string id, SegmentMembersPage first, SegmentDirectory segments, HttpContext context, CancellationToken cancellationToken)
    {
        var builder = new StringBuilder(SegmentMembersCsv.Header);
        var page = first;
        while (true)
        {
            foreach (var member in page.Members)
            {
                SegmentMembersCsv.AppendLine(builder, member);
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(builder.ToString()), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            builder.Clear();
            if (page.NextCursor is null)
            {
                return;
            }

            var next = await segments.GetMembersAsync(id, page.NextCursor, MaxMemberLimit, cancellationToken);
            if (next is null)
            {
                // Deleted during the export: cut the connection so that the file is not taken for complete.
                context.Abort();
                return;
            }

            page = next;
        }
    }
}
