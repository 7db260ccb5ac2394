using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Segmentation.Domain.Profiles.State;

namespace Segmentation.Domain.Profiles;

/// <summary>Traits: last write wins per key by event key; typed views of the well-known ones.</summary>
public sealed partial class CustomerProfile
{
    private static readonly FrozenSet<string> TypedTraitNames = new[]
    {
        "email", "firstName", "first_name", "lastName", "last_name", "birthday", "timezone", "time_zone", "phone", "country",
    }.ToFrozenSet(StringComparer.Ordinal);

    private TraitStore _traits = new();

    public string? Email => _traits.Get("email")?.Text;

    public string? FirstName => _traits.Newest("firstName", "first_name")?.Text;

    public string? LastName => _traits.Newest("lastName", "last_name")?.Text;

    public string? Phone => _traits.Get("phone")?.Text;

    /// <summary>The <c>birthday</c> trait's date (ISO 8601 date or date-time; the date part is taken as written).</summary>
    public DateOnly? Birthday
    {
        get
        {
            var text = _traits.Get("birthday")?.Text;
            return text is { Length: >= 10 }
                && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : null;
        }
    }

    /// <summary>The IANA time zone id: the <c>timezone</c> trait, else the newest <c>context.timezone</c>.</summary>
    public string? TimeZone => _traits.Newest("timezone", "time_zone")?.Text ?? _traits.ContextTimeZone?.Text;

    /// <summary><c>address.country</c>, else the <c>country</c> trait, else the newest <c>context.location.country</c>.</summary>
    public string? Country
    {
        get
        {
            if (_traits.Get("address") is { } address && JsonNode.Parse(address.Json) is JsonObject addressObject
                && JsonFields.GetString(addressObject, "country") is { } fromAddress)
            {
                return fromAddress;
            }

            return _traits.Get("country")?.Text ?? _traits.ContextCountry?.Text;
        }
    }

    /// <summary>A trait's value as sent by the newest identify that set it.</summary>
    public bool TryGetTrait(string name, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_traits.Get(name) is { } trait)
        {
            value = ToElement(trait.Json);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Every trait, including the well-known ones, by name.</summary>
    public IReadOnlyDictionary<string, JsonElement> GetTraits() => _traits.Values
        .OrderBy(pair => pair.Key, StringComparer.Ordinal)
        .ToDictionary(pair => pair.Key, pair => ToElement(pair.Value.Json), StringComparer.Ordinal);

    /// <summary>The traits without a typed property on this class (custom traits, address, consent flags...).</summary>
    public IReadOnlyDictionary<string, JsonElement> GetCustomTraits() => _traits.Values
        .Where(pair => !TypedTraitNames.Contains(pair.Key))
        .OrderBy(pair => pair.Key, StringComparer.Ordinal)
        .ToDictionary(pair => pair.Key, pair => ToElement(pair.Value.Json), StringComparer.Ordinal);

    private bool ApplyIdentify(ProfileEvent evt)
    {
        if (evt.Message.Traits is not { } traits)
        {
            return true;
        }

        foreach (var (name, value) in traits)
        {
            _traits.Set(name, value, evt.Key);
        }

        ApplyConsentTraits(traits, evt.Key);
        return true;
    }

    private void ApplyContext(ProfileEvent evt)
    {
        var context = evt.Message.Context;
        if (context is null)
        {
            return;
        }

        var timeZone = JsonFields.GetString(context, "timezone");
        var country = JsonFields.GetString(JsonFields.GetObject(context, "location"), "country");
        if (timeZone is not null || country is not null)
        {
            _traits.SetContext(timeZone, country, evt.Key);
        }
    }

    private static JsonElement ToElement(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
