using System.Globalization;
using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;

namespace Segmentation.Silo.Sends;

/// <summary>
/// The query of <c>GET /api/sends</c>, read as text so that every bad value is a 400 naming the parameter:
/// <c>status</c> (pending, delivered, failed, deadLettered or dead_lettered, skipped; any case), <c>customerId</c>,
/// <c>trigger</c>, <c>limit</c> (1 to 200, 50 when not given) and the <c>cursor</c> of the previous page.
/// </summary>
internal sealed record SendQueryParameters(SendQuery Query, SendCursor? Cursor, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static SendQueryParameters? Read(
        string? status, string? customerId, string? trigger, string? limit, string? cursor, Dictionary<string, string[]> errors)
    {
        SendStatus? parsedStatus = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<SendStatus>(status.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var value)
                && Enum.IsDefined(value) && !char.IsDigit(status[0]))
            {
                parsedStatus = value;
            }
            else
            {
                errors["status"] = ["The status must be one of pending, delivered, failed, deadLettered, skipped."];
            }
        }

        if (customerId is { Length: 0 or > SendIntent.MaxCustomerIdLength })
        {
            errors["customerId"] = [$"A customer id has 1 to {SendIntent.MaxCustomerIdLength} characters."];
        }

        if (trigger is { Length: 0 or > SendIntent.MaxTriggerLength })
        {
            errors["trigger"] = [$"A trigger name has 1 to {SendIntent.MaxTriggerLength} characters."];
        }

        var pageSize = DefaultLimit;
        if (limit is not null
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"The limit must be a whole number from 1 to {MaxLimit}."];
        }

        SendCursor? after = null;
        if (cursor is not null && !SendCursor.TryDecode(cursor, out after))
        {
            errors["cursor"] = ["The cursor is not one this API returned as 'next'."];
        }

        return errors.Count > 0 ? null : new SendQueryParameters(new SendQuery(parsedStatus, customerId, trigger), after, pageSize);
    }

    /// <summary>The link of the page after <paramref name="next"/>, with the same filters.</summary>
    public string NextLink(string next)
    {
        var query = new List<string>();
        if (Query.Status is { } status)
        {
            query.Add($"status={status}");
        }

        if (Query.CustomerId is { } customerId)
        {
            query.Add($"customerId={Uri.EscapeDataString(customerId)}");
        }

        if (Query.Trigger is { } trigger)
        {
            query.Add($"trigger={Uri.EscapeDataString(trigger)}");
        }

        query.Add($"limit={Limit.ToString(CultureInfo.InvariantCulture)}");
        query.Add($"cursor={next}");
        return "/api/sends?" + string.Join('&', query);
    }
}
