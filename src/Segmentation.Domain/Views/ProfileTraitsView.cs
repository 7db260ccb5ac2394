using System.Text.Json;

namespace Segmentation.Domain.Views;

/// <summary>The well-known traits, typed, and the other traits as sent.</summary>
public sealed record ProfileTraitsView(
    string? Email,
    string? FirstName,
    string? LastName,
    DateOnly? Birthday,
    string? TimeZone,
    string? Country,
    string? Phone,
    IReadOnlyDictionary<string, JsonElement> Custom);
