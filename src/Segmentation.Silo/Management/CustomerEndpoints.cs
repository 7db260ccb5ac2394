using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Segmentation.Delivery.Outbox;
using Segmentation.Grains.Customers;
using Segmentation.Runtime;
using Segmentation.Silo.Sends;

namespace Segmentation.Silo.Management;

/// <summary>The handlers of <c>/api/customers</c>: profiles, timelines and search.</summary>
internal static class CustomerEndpoints
{
    public const int DefaultEventLimit = 50;
    public const int MaxEventLimit = 200;

    /// <summary>The longest search query accepted (an id is at most 256 characters, an email at most 254).</summary>
    public const int MaxQueryLength = 320;

    /// <summary>The most sends a profile shows (the newest); <c>GET /api/sends?customerId=</c> pages through all.</summary>
    public const int MaxCustomerSends = 100;

    public static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult, ValidationProblem>> GetCustomerAsync(
        [Description("A customer id: a known user id or an anonymous id.")] string id,
        CustomerDirectory customers,
        OutboxDirectory outbox,
        CancellationToken cancellationToken)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var lookup = await customers.GetAsync(id, cancellationToken);
        if (!lookup.Exists || lookup.Profile is null)
        {
            return UnknownCustomer(id);
        }

        var pending = await customers.GetPendingTriggersAsync(lookup.CustomerId, cancellationToken);
        var sends = await outbox.GetCustomerSendsAsync(lookup.CustomerId, cancellationToken);
        return TypedResults.Ok(new CustomerResponse(
            lookup.CustomerId,
            ResolvedFrom(id, lookup.CustomerId),
            lookup.Profile,
            lookup.Segments,
            lookup.NextSegmentChangeAt,
            pending,
            [.. sends.Take(MaxCustomerSends).Select(SendResponse.From)]));
    }

    public static async Task<Results<Ok<CustomerEventsResponse>, ProblemHttpResult, ValidationProblem>> GetCustomerEventsAsync(
        [Description("A customer id: a known user id or an anonymous id.")] string id,
        [Description("The cursor of the page to read (the 'next' of the previous page); none for the newest events.")] string? before,
        [Description("Events per page, 1 to 200; 50 when not given.")] string? limit,
        CustomerTimelineReader timeline,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (id.Length > GrainId.MaxKeyLength)
        {
            errors["id"] = [IdTooLong(id)];
        }

        // Parsed here rather than bound as a number, so that "ten" is a 400 like "0" in every environment.
        var pageSize = DefaultEventLimit;
        if (limit is not null
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxEventLimit))
        {
            errors["limit"] = [$"The limit must be a whole number from 1 to {MaxEventLimit}."];
        }

        TimelineCursor? cursor = null;
        if (before is not null && !TimelineCursor.TryDecode(before, out cursor))
        {
            errors["before"] = ["The cursor is not one this API returned as 'next'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (status, page) = await timeline.ReadAsync(id, cursor, pageSize, cancellationToken);
        switch (status)
        {
            case TimelineReadStatus.UnknownCustomer:
                return UnknownCustomer(id);
            case TimelineReadStatus.ForeignCursor:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["before"] = ["The cursor belongs to another customer's timeline."],
                });
        }

        var next = page!.Next?.Encode();
        var nextLink = next is null
            ? null
            : $"/api/customers/{Uri.EscapeDataString(page.CustomerId)}/events?before={next}&limit={pageSize}";
        return TypedResults.Ok(new CustomerEventsResponse(
            page.CustomerId,
            ResolvedFrom(id, page.CustomerId),
            page.Entries.Select(static entry => CustomerEvent.From(entry.Message)).ToList(),
            next,
            nextLink));
    }

    public static async Task<Results<Ok<CustomerSearchResponse>, ValidationProblem>> SearchCustomersAsync(
        [Description("A customer id or an email address (case-insensitive).")] string? query,
        CustomerDirectory customers,
        CancellationToken cancellationToken)
    {
        var trimmed = query?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxQueryLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["query"] = [$"Give a customer id or an email address of at most {MaxQueryLength} characters."],
            });
        }

        var found = await customers.FindAsync(trimmed, cancellationToken);
        var summaries = found
            .Where(static lookup => lookup.Profile is not null)
            .Select(static lookup => Summarize(lookup.CustomerId, lookup.Profile!))
            .ToList();
        return TypedResults.Ok(new CustomerSearchResponse(summaries));
    }

    private static CustomerSummary Summarize(string customerId, Domain.Views.CustomerProfileView profile) => new(
        customerId,
        profile.Traits.Email,
        profile.Traits.FirstName,
        profile.Traits.LastName,
        profile.Lifecycle.Stage,
        profile.Purchases.OrderCount,
        profile.Purchases.TotalRevenue,
        profile.Identity.LastActivityAt);

    private static string? ResolvedFrom(string requestedId, string customerId) =>
        string.Equals(requestedId, customerId, StringComparison.Ordinal) ? null : requestedId;

    private static ValidationProblem? InvalidId(string id) => id.Length <= GrainId.MaxKeyLength
        ? null
        : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [IdTooLong(id)] });

    private static string IdTooLong(string id) => $"A customer id is at most {GrainId.MaxKeyLength} characters; got {id.Length}.";

    // A ProblemHttpResult writes application/problem+json (NotFound<ProblemDetails> would write application/json);
    // the endpoints declare the 404 for OpenAPI.
    private static ProblemHttpResult UnknownCustomer(string id) => TypedResults.Problem(
        $"No customer has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Customer not found");
}
