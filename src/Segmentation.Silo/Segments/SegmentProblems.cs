using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Segmentation.Segments;

namespace Segmentation.Silo.Segments;

/// <summary>
/// The error answers of the segments API, as ProblemDetails (<c>application/problem+json</c>). A refused rule,
/// definition or delete carries what <see cref="SegmentRuleError"/> says as extensions: <c>code</c>, <c>line</c>,
/// <c>column</c>, <c>description</c>, <c>expected</c> and <c>suggestion</c>.
/// </summary>
internal static class SegmentProblems
{
    /// <summary>
    /// 400: the rule is invalid, saving it would break the segments (unknown segment, cycle), the id or name is
    /// invalid, or a delete is refused because other segments refer to the segment.
    /// </summary>
    public static ProblemHttpResult InvalidRule(SegmentRuleError error) => TypedResults.Problem(
        error.Message,
        statusCode: StatusCodes.Status400BadRequest,
        title: error.Code switch
        {
            SegmentRuleErrorCode.InvalidDefinition => "Invalid segment",
            SegmentRuleErrorCode.SegmentInUse => "Segment in use",
            _ => "Invalid segment rule",
        },
        extensions: new Dictionary<string, object?>
        {
            ["code"] = Code(error.Code),
            ["line"] = error.Line,
            ["column"] = error.Column,
            ["description"] = error.Description,
            ["expected"] = error.Expected,
            ["suggestion"] = error.Suggestion,
        });

    /// <summary>400: the body or a query parameter is wrong; <c>errors</c> lists the messages by field.</summary>
    public static ProblemHttpResult InvalidRequest(IDictionary<string, string[]> errors) => TypedResults.Problem(
        new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid request",
            Detail = string.Join(" ", errors.Values.SelectMany(static messages => messages)),
        });

    public static ProblemHttpResult InvalidRequest(string field, string message) =>
        InvalidRequest(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    /// <summary>
    /// 415: the body has no content type (routing answers 415 itself for any content type other than JSON, as the
    /// endpoints declare that they accept JSON).
    /// </summary>
    public static ProblemHttpResult UnsupportedMediaType() => TypedResults.Problem(
        "The body has no content type; send it as JSON with 'Content-Type: application/json'.",
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported media type");

    // A ProblemHttpResult writes application/problem+json (NotFound<ProblemDetails> would write application/json);
    // the endpoints declare the 404 for OpenAPI.
    public static ProblemHttpResult UnknownSegment(string id) => TypedResults.Problem(
        $"No segment has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Segment not found");

    /// <summary>409: a create names an id that is taken.</summary>
    public static ProblemHttpResult AlreadyExists(string id) => TypedResults.Problem(
        $"A segment with the id '{id}' already exists; choose another id, or change that segment with PUT /api/segments/{id}.",
        statusCode: StatusCodes.Status409Conflict,
        title: "Segment exists");

    /// <summary>The <c>code</c> of a rule error: the <see cref="SegmentRuleErrorCode"/> in snake case, e.g. <c>unknown_name</c>.</summary>
    public static string Code(SegmentRuleErrorCode code) => JsonNamingPolicy.SnakeCaseLower.ConvertName(code.ToString());
}
