namespace Segmentation.Silo.Dashboard.Components.Pages.Sends;

/// <summary>The send log's filter form: a status (its address value, empty for any), a customer id and a trigger name.</summary>
public sealed class SendFilter
{
    public string Status { get; set; } = string.Empty;

    public string CustomerId { get; set; } = string.Empty;

    public string Trigger { get; set; } = string.Empty;

    /// <summary>The address parameters of the filter; an empty field leaves its parameter out.</summary>
    public Dictionary<string, object?> ToQuery() => new(StringComparer.Ordinal)
    {
        ["status"] = Blank(Status),
        ["customerId"] = Blank(CustomerId),
        ["trigger"] = Blank(Trigger),
    };

    /// <summary>Null for an empty or blank value; the value without surrounding spaces otherwise.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
