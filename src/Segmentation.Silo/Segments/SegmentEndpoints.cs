using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Segmentation.Grains.Segments;
using Segmentation.Segments;

namespace Segmentation.Silo.Segments;

/// <summary>The handlers of <c>/api/segments</c> for definitions: list, create, read, edit, delete, versions and preview.</summary>
internal static class SegmentEndpoints
{
    public static async Task<Ok<SegmentListResponse>> ListSegmentsAsync([FromServices] SegmentDirectory segments, CancellationToken cancellationToken)
    {
        var list = await segments.ListAsync(cancellationToken);
        return TypedResults.Ok(new SegmentListResponse([.. list.Select(SegmentResponse.From)]));
    }

    public static async Task<Results<Ok<SegmentResponse>, ProblemHttpResult>> GetSegmentAsync(
        [Description("The segment's id.")] string id,
        [FromServices] SegmentDirectory segments,
        CancellationToken cancellationToken)
    {
        var segment = IsPossibleId(id) ? await segments.GetAsync(id, cancellationToken) : null;
        return segment is null ? SegmentProblems.UnknownSegment(id) : TypedResults.Ok(SegmentResponse.From(segment));
    }

    public static async Task<Results<Created<SegmentResponse>, ProblemHttpResult>> CreateSegmentAsync(
        HttpRequest request,
        [FromServices] SegmentDirectory segments,
        CancellationToken cancellationToken)
    {
        var (segmentRequest, problem) = await JsonRequestBody.ReadAsync(request, SegmentRequest.Read, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var created = await segments.CreateAsync(segmentRequest!.ToDraft(), cancellationToken);
            return TypedResults.Created($"/api/segments/{Uri.EscapeDataString(created.Id)}", SegmentResponse.From(created));
        }
        catch (SegmentRuleException exception)
        {
            return SegmentProblems.InvalidRule(exception.Error);
        }
        catch (SegmentAlreadyExistsException exception)
        {
            return SegmentProblems.AlreadyExists(exception.SegmentId);
        }
    }

    public static async Task<Results<Ok<SegmentResponse>, ProblemHttpResult>> UpdateSegmentAsync(
        [Description("The segment's id.")] string id,
        HttpRequest request,
        [FromServices] SegmentDirectory segments,
        CancellationToken cancellationToken)
    {
        var (segmentRequest, problem) = await JsonRequestBody.ReadAsync(request, body => ReadForPath(body, id), cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var updated = IsPossibleId(id) ? await segments.UpdateAsync(id, segmentRequest!.ToDraft(), cancellationToken) : null;
            return updated is null ? SegmentProblems.UnknownSegment(id) : TypedResults.Ok(SegmentResponse.From(updated));
        }
        catch (SegmentRuleException exception)
        {
            return SegmentProblems.InvalidRule(exception.Error);
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteSegmentAsync(
        [Description("The segment's id.")] string id,
        [FromServices] SegmentDirectory segments,
        CancellationToken cancellationToken)
    {
        try
        {
            return IsPossibleId(id) && await segments.DeleteAsync(id, cancellationToken)
                ? TypedResults.NoContent()
                : SegmentProblems.UnknownSegment(id);
        }
        catch (SegmentRuleException exception)
        {
            return SegmentProblems.InvalidRule(exception.Error);
        }
    }

    public static async Task<Results<Ok<SegmentVersionsResponse>, ProblemHttpResult>> GetSegmentVersionsAsync(
        [Description("The segment's id.")] string id,
        [FromServices] SegmentDirectory segments,
        CancellationToken cancellationToken)
    {
        var versions = IsPossibleId(id) ? await segments.GetVersionsAsync(id, cancellationToken) : null;
        return versions is null ? SegmentProblems.UnknownSegment(id) : TypedResults.Ok(new SegmentVersionsResponse(id, versions));
    }

    public static async Task<Results<Ok<SegmentPreview>, ProblemHttpResult>> PreviewSegmentAsync(
        HttpRequest request,
        [FromServices] SegmentDirectory segments,
        CancellationToken cancellationToken)
    {
        var (previewRequest, problem) = await JsonRequestBody.ReadAsync(request, SegmentPreviewRequest.Read, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            return TypedResults.Ok(await segments.PreviewAsync(previewRequest!.RuleText(), previewRequest.SampleSizeOrDefault, cancellationToken));
        }
        catch (SegmentRuleException exception)
        {
            return SegmentProblems.InvalidRule(exception.Error);
        }
    }

    /// <summary>False for an id no segment can have (too long), answered 404 without asking.</summary>
    internal static bool IsPossibleId(string id) => id.Length <= SegmentIds.MaxLength;

    /// <summary>The request of an edit, refusing a body whose id is not the path's (an id cannot change).</summary>
    private static SegmentRequest? ReadForPath(JsonRequestBody body, string id)
    {
        var segmentRequest = SegmentRequest.Read(body);
        if (segmentRequest?.Id is { } bodyId && !string.Equals(bodyId, id, StringComparison.Ordinal))
        {
            body.Errors["id"] = [$"The id of the body ('{bodyId}') is not the id of the path ('{id}'); an id cannot change."];
        }

        return segmentRequest;
    }
}
