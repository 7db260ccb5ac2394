using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Segmentation.Domain.Profiles.State;
using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles;

/// <summary>Traits: last write wins per key by event key; typed views of the well-known ones.</summary>
public sealed partial class CustomerProfile
{
    private static readonly FrozenSet<string> TypedTraitNames = new[]
    {
        "email", "firstName", "first_name", "lastName", "last_name", "birthday", "timezone", "time_zone", "phone", "country",
    }.ToFrozenSet(StringComparer.Ordinal);

    private TraitStore? _traits;

    private TraitStore Traits => _traits ?? TraitStore.Empty;

    public string? Email => Traits.Get("email")?.Text;

    public string? FirstName => Traits.Newest("firstName", "first_name")?.Text;

    public string? LastName => Traits.Newest("lastName", "last_name")?.Text;

    public string? Phone => Traits.Get("phone")?.Text;

    /// <summary>The <c>birthday</c> trait's date (ISO 8601 date or date-time; the date part is taken as written).</summary>
    public DateOnly? Birthday
    {
        get
        {
            var text = Traits.Get("birthday")?.Text;
            return text is { Length: >= 10 }
                && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : null;
        }
    }

    /// <summary>The IANA time zone id: the <c>timezone</c> trait, else the newest <c>context.timezone</c>.</summary>
    public string? TimeZone => Traits.Newest("timezone", "time_zone")?.Text ?? Traits.ContextTimeZone?.Text;

    /// <summary><c>address.country</c>, else the <c>country</c> trait, else the newest <c>context.location.country</c>.</summary>
    public string? Country
    {
        get
        {
            if (Traits.Get("address") is { Json: ['{', ..] } address)
            {
                Span<Utf8JsonMemberSlot> slots = stackalloc Utf8JsonMemberSlot[Utf8JsonMembers.StackSlots];
                if (Utf8JsonMembers.Read(Encoding.UTF8.GetBytes(address.Json), slots).GetString("country"u8) is { } fromAddress)
                {
                    return fromAddress;
                }
            }

            return Traits.Get("country")?.Text ?? Traits.ContextCountry?.Text;
        }
    }

    /// <summary>A trait's value as sent by the newest identify that set it.</summary>
    public bool TryGetTrait(string name, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Traits.Get(name) is { } trait)
        {
            value = ToElement(trait.Json);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Every trait, including the well-known ones, by name.</summary>
    public IReadOnlyDictionary<string, JsonElement> GetTraits() => Traits.Values
        .OrderBy(pair => pair.Key, StringComparer.Ordinal)
        .ToDictionary(pair => pair.Key, pair => ToElement(pair.Value.Json), StringComparer.Ordinal);

    /// <summary>The traits without a typed property on this class (custom traits, address, consent flags...).</summary>
    public IReadOnlyDictionary<string, JsonElement> GetCustomTraits() => Traits.Values
        .Where(pair => !TypedTraitNames.Contains(pair.Key))
        .OrderBy(pair => pair.Key, StringComparer.Ordinal)
        .ToDictionary(pair => pair.Key, pair => ToElement(pair.Value.Json), StringComparer.Ordinal);

    private bool ApplyIdentify(ProfileEvent evt)
    {
        if (!evt.Message.TraitsJson.IsPresent)
        {
            return true;
        }

        Span<Utf8JsonMemberSlot> slots = stackalloc Utf8JsonMemberSlot[Utf8JsonMembers.StackSlots];
        var traits = Utf8JsonMembers.Read(evt.Message.TraitsJson, slots);
        for (var i = 0; i < traits.Count; i++)
        {
            (_traits ??= new()).Set(EventFields.SharedText(traits.NameAt(i)), traits.ValueAt(i), evt.Key);
        }

        ApplyConsentTraits(traits, evt.Key);
        return true;
    }

    private void ApplyContext(ProfileEvent evt)
    {
        var context = evt.Context;
        if (context.Count == 0)
        {
            return;
        }

        var timeZone = context.GetString("timezone"u8);
        var location = context.Get("location"u8);
        string? country = null;
        if (location.Kind == JsonValueKind.Object)
        {
            Span<Utf8JsonMemberSlot> slots = stackalloc Utf8JsonMemberSlot[Utf8JsonMembers.StackSlots];
            country = location.ReadObject(slots).GetString("country"u8);
        }

        if (timeZone is not null || country is not null)
        {
            (_traits ??= new()).SetContext(timeZone, country, evt.Key);
        }
    }

    private static JsonElement ToElement(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
