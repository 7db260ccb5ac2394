using Segmentation.Silo.Management;

namespace Segmentation.Silo.Sends;

/// <summary>
/// The sends part of the management API, <c>/api/sends</c>, over <see cref="Delivery.Outbox.OutboxDirectory"/>: the
/// send log with its attempts and skip reasons, one send with its payload, and manual retries of failed and
/// dead-lettered sends. Same key, ready filter and ProblemDetails answers as the rest of <c>/api</c>.
/// </summary>
internal static class SendApiExtensions
{
    /// <summary>Maps <c>/api/sends</c>; called by <see cref="ManagementApiExtensions.MapManagementEndpoints"/>.</summary>
    public static void MapSendEndpoints(this IEndpointRouteBuilder app)
    {
        var sends = app.MapManagementGroup("/api/sends", "Sends");
        sends.MapGet("/", SendEndpoints.ListSendsAsync)
            .WithMetadata(QueryParameterSchema.Integer("limit", 1, SendQueryParameters.MaxLimit, SendQueryParameters.DefaultLimit))
            .WithName("ListSends")
            .WithSummary("The send log")
            .WithDescription("Sends newest first, filtered by status, customer and trigger, with every attempt (status code or error, time), skip reasons, deferrals and manual retries. Page with the opaque 'next' cursor as 'cursor'.");
        sends.MapGet("/{id}", SendEndpoints.GetSendAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetSend")
            .WithSummary("A send")
            .WithDescription("One send of the log with its payload (what the email shows).");
        sends.MapPost("/{id}/retry", SendEndpoints.RetrySendAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RetrySend")
            .WithSummary("Send a failed or dead-lettered send again")
            .WithDescription("The send becomes pending with a fresh set of attempts and is posted again with the same id (the ESP's idempotency key). 409 for a send that is pending, delivered or skipped.");
    }
}
