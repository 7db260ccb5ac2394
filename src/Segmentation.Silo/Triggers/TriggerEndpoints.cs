using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Segmentation.Domain.Triggers;
using Segmentation.Grains.Triggers;
using Segmentation.Grains.Triggers.Catalog;
using Segmentation.Silo.Segments;

namespace Segmentation.Silo.Triggers;

/// <summary>The handlers of <c>/api/triggers</c>: the catalog with its guardrails, one trigger with its edits, and edits.</summary>
internal static class TriggerEndpoints
{
    public static async Task<Ok<TriggerListResponse>> ListTriggersAsync([FromServices] TriggerDirectory triggers, CancellationToken cancellationToken)
    {
        var all = await triggers.GetAllAsync(cancellationToken);
        var guardrails = await triggers.GetGuardrailsAsync(cancellationToken);
        return TypedResults.Ok(new TriggerListResponse(guardrails, [.. all.Select(TriggerResponse.From)]));
    }

    public static async Task<Results<Ok<TriggerResponse>, ProblemHttpResult>> GetTriggerAsync(
        [Description("The trigger's name, e.g. cart_abandonment.")] string name,
        [FromServices] TriggerDirectory triggers,
        CancellationToken cancellationToken)
    {
        var trigger = await triggers.GetAsync(name, cancellationToken);
        return trigger is null ? UnknownTrigger(name) : TypedResults.Ok(TriggerResponse.From(trigger));
    }

    public static async Task<Results<Ok<IReadOnlyList<TriggerChange>>, ProblemHttpResult>> GetTriggerChangesAsync(
        [Description("The trigger's name, e.g. cart_abandonment.")] string name,
        [FromServices] TriggerDirectory triggers,
        CancellationToken cancellationToken) =>
        TriggerNames.IsKnown(name) ? TypedResults.Ok(await triggers.GetChangesAsync(name, cancellationToken)) : UnknownTrigger(name);

    public static async Task<Results<Ok<TriggerResponse>, ProblemHttpResult>> UpdateTriggerAsync(
        [Description("The trigger's name, e.g. cart_abandonment.")] string name,
        HttpRequest request,
        ClaimsPrincipal user,
        [FromServices] TriggerDirectory triggers,
        [FromServices] IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        CancellationToken cancellationToken)
    {
        if (await triggers.GetAsync(name, cancellationToken) is not { } current)
        {
            return UnknownTrigger(name);
        }

        var (body, problem) = await JsonRequestBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var options = json.Value.SerializerOptions;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (TriggerSettingsBody.Read(body!.Root, current.Settings, options, errors) is not { } settings)
        {
            return SegmentProblems.InvalidRequest(errors);
        }

        var result = await triggers.UpdateAsync(name, settings, user.Identity?.Name ?? "management-api", cancellationToken);
        switch (result.Status)
        {
            case TriggerUpdateStatus.Updated:
                return TypedResults.Ok(TriggerResponse.From(result.Trigger!));
            case TriggerUpdateStatus.NotFound:
                return UnknownTrigger(name);
            default:
                foreach (var error in result.Errors)
                {
                    TriggerSettingsBody.Add(errors, error, options);
                }

                return SegmentProblems.InvalidRequest(errors);
        }
    }

    // A ProblemHttpResult writes application/problem+json; the endpoints declare the 404 for OpenAPI.
    private static ProblemHttpResult UnknownTrigger(string name) => TypedResults.Problem(
        $"No trigger is named '{name}'; the triggers are {string.Join(", ", TriggerNames.All)}.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Trigger not found");
}
