using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Segmentation.Delivery.Outbox;

namespace Segmentation.Silo.Sends;

/// <summary>The handlers of <c>/api/sends</c>: the send log (filtered pages, one send) and manual retries.</summary>
internal static class SendEndpoints
{
    public static async Task<Results<Ok<SendListResponse>, ValidationProblem>> ListSendsAsync(
        [Description("Only sends in this status: pending, delivered, failed, deadLettered, skipped (any case).")] string? status,
        [Description("Only this customer's sends.")] string? customerId,
        [Description("Only sends of this trigger, e.g. cart_abandonment.")] string? trigger,
        [Description("Sends per page, 1 to 200; 50 when not given.")] string? limit,
        [Description("The 'next' of the previous page; none for the newest sends.")] string? cursor,
        [FromServices] OutboxDirectory outbox,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (SendQueryParameters.Read(status, customerId, trigger, limit, cursor, errors) is not { } parameters)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await outbox.ListAsync(parameters.Query, parameters.Cursor, parameters.Limit, cancellationToken);
        var next = page.Next?.Encode();
        return TypedResults.Ok(new SendListResponse(
            [.. page.Sends.Select(SendResponse.From)], next, next is null ? null : parameters.NextLink(next)));
    }

    public static async Task<Results<Ok<SendResponse>, ProblemHttpResult>> GetSendAsync(
        [Description("The send's id (snd_ and 32 hex digits).")] string id,
        [FromServices] OutboxDirectory outbox,
        CancellationToken cancellationToken)
    {
        var send = await outbox.GetAsync(id, cancellationToken);
        return send is null ? UnknownSend(id) : TypedResults.Ok(SendResponse.From(send, withPayload: true));
    }

    public static async Task<Results<Accepted<SendResponse>, ProblemHttpResult>> RetrySendAsync(
        [Description("The send's id (snd_ and 32 hex digits).")] string id,
        ClaimsPrincipal user,
        [FromServices] OutboxDirectory outbox,
        CancellationToken cancellationToken)
    {
        var result = await outbox.RetryAsync(id, user.Identity?.Name, cancellationToken);
        return result.Status switch
        {
            SendRetryStatus.Accepted => TypedResults.Accepted($"/api/sends/{id}", SendResponse.From(result.Send!)),
            SendRetryStatus.NotRetryable => TypedResults.Problem(
                $"The send '{id}' is {result.Send!.Status}; only failed or dead-lettered sends can be retried.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Send not retryable"),
            _ => UnknownSend(id),
        };
    }

    // A ProblemHttpResult writes application/problem+json; the endpoints declare the 404 for OpenAPI.
    private static ProblemHttpResult UnknownSend(string id) => TypedResults.Problem(
        $"No send has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Send not found");
}
