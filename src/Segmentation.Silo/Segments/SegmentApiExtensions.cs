using Segmentation.Grains.Segments;
using Segmentation.Silo.Management;

namespace Segmentation.Silo.Segments;

/// <summary>
/// The segments part of the management API, <c>/api/segments</c>, over <see cref="SegmentDirectory"/>: definitions
/// (create, read, edit, delete, versions), members (JSON pages and CSV export), size history and preview of an unsaved
/// rule. Same key, ready filter and ProblemDetails answers as the rest of <c>/api</c>.
/// </summary>
internal static class SegmentApiExtensions
{
    /// <summary>Maps <c>/api/segments</c>; called by <see cref="ManagementApiExtensions.MapManagementEndpoints"/>.</summary>
    public static void MapSegmentEndpoints(this IEndpointRouteBuilder app)
    {
        var segments = app.MapManagementGroup("/api/segments", "Segments");
        segments.MapGet("/", SegmentEndpoints.ListSegmentsAsync)
            .WithName("ListSegments")
            .WithSummary("Every segment")
            .WithDescription("Every segment, starters included, with its rule, current version, live count, entries, exits and backfill progress.");
        segments.MapPost("/", SegmentEndpoints.CreateSegmentAsync)
            .AcceptsJsonBody<SegmentRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateSegment")
            .WithSummary("Create a segment")
            .WithDescription("Checks the rule (400 with the code, line, column, expected input and suggestion of the first problem; nothing is saved), saves version 1 and starts evaluating it over the existing customers (see 'backfill').");
        segments.MapPost("/preview", SegmentEndpoints.PreviewSegmentAsync)
            .AcceptsJsonBody<SegmentPreviewRequest>()
            .WithName("PreviewSegment")
            .WithSummary("Preview an unsaved rule")
            .WithDescription("Evaluates the rule over every customer now, saving nothing: how many match, how many were evaluated, and a sample of member ids.");
        segments.MapGet("/{id}", SegmentEndpoints.GetSegmentAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetSegment")
            .WithSummary("A segment");
        segments.MapPut("/{id}", SegmentEndpoints.UpdateSegmentAsync)
            .AcceptsJsonBody<SegmentRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("UpdateSegment")
            .WithSummary("Edit a segment")
            .WithDescription("Saves a new version (recorded in /versions) and re-evaluates every customer against it. A broken rule is refused with 400 and nothing changes.");
        segments.MapDelete("/{id}", SegmentEndpoints.DeleteSegmentAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DeleteSegment")
            .WithSummary("Delete a segment")
            .WithDescription("Removes the segment and its membership. Refused with 400 while another segment refers to it with in_segment.");
        segments.MapGet("/{id}/versions", SegmentEndpoints.GetSegmentVersionsAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetSegmentVersions")
            .WithSummary("A segment's saved versions")
            .WithDescription("Every version of the definition, oldest first: name, rule, description and when it was saved.");
        segments.MapGet("/{id}/members", SegmentMemberEndpoints.GetMembersAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(QueryParameterSchema.Integer("limit", 1, SegmentMemberEndpoints.MaxMemberLimit, SegmentMemberEndpoints.DefaultMemberLimit))
            .WithName("GetSegmentMembers")
            .WithSummary("A segment's members")
            .WithDescription("The members sorted by customer id, with when each entered. Page with the opaque 'next' cursor as 'cursor'.");
        segments.MapGet("/{id}/members.csv", SegmentMemberEndpoints.ExportMembersAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ExportSegmentMembers")
            .WithSummary("Export a segment's members as CSV")
            .WithDescription("Every member as RFC 4180 CSV (customer_id,since with since in ISO 8601 UTC), sorted by customer id, streamed a page at a time.");
        segments.MapGet("/{id}/history", SegmentMemberEndpoints.GetHistoryAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(QueryParameterSchema.Choice("resolution", "minute", "hour"))
            .WithName("GetSegmentHistory")
            .WithSummary("A segment's size over time")
            .WithDescription("The size at the end of each minute (the last 48 hours) or hour (the last 90 days), with the entries and exits during each.");
    }
}
