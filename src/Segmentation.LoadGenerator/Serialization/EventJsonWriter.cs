using System.Globalization;
using System.Text;
using System.Text.Json;
using Segmentation.LoadGenerator.Shoppers;

namespace Segmentation.LoadGenerator.Serialization;

/// <summary>
/// Writes a <see cref="ShopperEvent"/> as one Segment call (identify, page or track) with a <see cref="Utf8JsonWriter"/>,
/// from pre-encoded names and values and ids formatted on the stack: no allocation per event except for identify
/// traits. Message, order, cart and email ids start with the run id, so runs never collide.
/// </summary>
internal sealed class EventJsonWriter
{
    private const int MaxIdBytes = 96;

    private readonly byte[] _runId;
    private readonly JsonEncodedText[] _categoryNames;
    private readonly JsonEncodedText[] _categorySlugs;
    private readonly JsonEncodedText[] _categoryUrls;
    private readonly JsonEncodedText[] _campaignIds;
    private readonly JsonEncodedText[] _campaignNames;
    private readonly JsonEncodedText[] _campaignSubjects;
    private readonly JsonEncodedText _home = JsonEncodedText.Encode("Home");
    private readonly JsonEncodedText _homeUrl = JsonEncodedText.Encode(ProductCatalog.ShopUrl + "/");

    public EventJsonWriter(string runId, ProductCatalog catalog)
    {
        _runId = Encoding.ASCII.GetBytes(runId);
        _categoryNames = [.. catalog.CategoryNames.Select(name => JsonEncodedText.Encode(name))];
        _categorySlugs = [.. catalog.CategoryNames.Select(name => JsonEncodedText.Encode(Slug(name)))];
        _categoryUrls = [.. catalog.CategoryNames.Select(name => JsonEncodedText.Encode($"{ProductCatalog.ShopUrl}/c/{Slug(name)}"))];
        _campaignIds = [.. CatalogWords.Campaigns.Select(c => JsonEncodedText.Encode(c.Id))];
        _campaignNames = [.. CatalogWords.Campaigns.Select(c => JsonEncodedText.Encode(c.Name))];
        _campaignSubjects = [.. CatalogWords.Campaigns.Select(c => JsonEncodedText.Encode(c.Subject))];
    }

    public void Write(Utf8JsonWriter w, ShopperEvent e, long sequence, ReadOnlySpan<byte> timestamp)
    {
        Span<byte> id = stackalloc byte[MaxIdBytes];
        w.WriteStartObject();
        var kind = e.Kind;
        w.WriteString(JsonNames.Type, kind switch
        {
            ShopperEventKind.Identify => JsonNames.Identify,
            ShopperEventKind.Page => JsonNames.Page,
            _ => JsonNames.Track,
        });
        if (kind is not ShopperEventKind.Identify and not ShopperEventKind.Page)
        {
            w.WriteString(JsonNames.Event, ShopperEventNames.EncodedNameOf(kind));
        }

        w.WriteString(JsonNames.MessageId, id[..ComposeId(id, [], sequence)]);
        if (e.HasUserId)
        {
            w.WriteString(JsonNames.UserId, id[..CustomerTraits.WriteUserId(id, e.Customer)]);
        }

        if (e.HasAnonymousId)
        {
            w.WriteString(JsonNames.AnonymousId, id[..CustomerTraits.WriteAnonymousId(id, e.Customer)]);
        }

        w.WriteString(JsonNames.Timestamp, timestamp);
        switch (kind)
        {
            case ShopperEventKind.Identify:
                WriteTraits(w, CustomerTraits.Of(e.Customer));
                break;
            case ShopperEventKind.Page:
                WritePage(w, e.Category);
                break;
            case ShopperEventKind.ProductViewed:
                w.WritePropertyName(JsonNames.Properties);
                w.WriteRawValue(e.Product!.ViewedPropertiesJson, skipInputValidation: true);
                break;
            default:
                w.WriteStartObject(JsonNames.Properties);
                WriteTrackProperties(w, e, id);
                w.WriteEndObject();
                break;
        }

        w.WriteEndObject();
    }

    private void WriteTrackProperties(Utf8JsonWriter w, ShopperEvent e, Span<byte> id)
    {
        switch (e.Kind)
        {
            case ShopperEventKind.ProductsSearched:
                w.WriteString(JsonNames.Query, e.Query);
                break;
            case ShopperEventKind.ProductListViewed:
                w.WriteString(JsonNames.ListId, _categorySlugs[e.Category]);
                w.WriteString(JsonNames.Category, _categoryNames[e.Category]);
                w.WriteStartArray(JsonNames.Products);
                for (var position = 0; position < e.ListProducts.Count; position++)
                {
                    w.WriteStartObject();
                    WriteProductFields(w, e.ListProducts[position]);
                    w.WriteNumber(JsonNames.Position, position + 1);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            case ShopperEventKind.ProductAdded or ShopperEventKind.ProductRemoved:
                w.WriteString(JsonNames.CartId, id[..ComposeId(id, "cart-"u8, e.CartNumber)]);
                WriteProductFields(w, e.Product!);
                w.WriteNumber(JsonNames.Quantity, e.Quantity);
                w.WriteString(JsonNames.Currency, JsonNames.CurrencyValue);
                break;
            case ShopperEventKind.CartViewed:
                w.WriteString(JsonNames.CartId, id[..ComposeId(id, "cart-"u8, e.CartNumber)]);
                WriteCart(w, e.Cart);
                break;
            case ShopperEventKind.CheckoutStarted:
                w.WriteString(JsonNames.OrderId, id[..ComposeId(id, "order-"u8, e.OrderNumber)]);
                w.WriteString(JsonNames.CartId, id[..ComposeId(id, "cart-"u8, e.CartNumber)]);
                w.WriteNumber(JsonNames.Value, e.Revenue);
                w.WriteNumber(JsonNames.Revenue, e.Revenue);
                w.WriteString(JsonNames.Currency, JsonNames.CurrencyValue);
                WriteCart(w, e.Cart);
                break;
            case ShopperEventKind.OrderCompleted:
                w.WriteString(JsonNames.OrderId, id[..ComposeId(id, "order-"u8, e.OrderNumber)]);
                w.WriteNumber(JsonNames.Total, e.Total);
                w.WriteNumber(JsonNames.Revenue, e.Revenue);
                w.WriteNumber(JsonNames.Shipping, e.Shipping);
                w.WriteNumber(JsonNames.Tax, e.Tax);
                w.WriteString(JsonNames.Currency, JsonNames.CurrencyValue);
                WriteCart(w, e.Cart);
                break;
            case ShopperEventKind.EmailOpened or ShopperEventKind.EmailLinkClicked:
                w.WriteString(JsonNames.CampaignId, _campaignIds[e.Campaign]);
                w.WriteString(JsonNames.CampaignName, _campaignNames[e.Campaign]);
                w.WriteString(JsonNames.EmailId, id[..ComposeId(id, "email-"u8, e.EmailNumber)]);
                w.WriteString(JsonNames.EmailSubject, _campaignSubjects[e.Campaign]);
                if (e.Kind == ShopperEventKind.EmailLinkClicked && e.Product is { } product)
                {
                    w.WriteString(JsonNames.LinkUrl, product.EncodedUrl);
                }

                break;
        }
    }

    private static void WriteCart(Utf8JsonWriter w, IReadOnlyList<CartLine> cart)
    {
        w.WriteStartArray(JsonNames.Products);
        for (var index = 0; index < cart.Count; index++)
        {
            var line = cart[index];
            w.WriteStartObject();
            WriteProductFields(w, line.Product);
            w.WriteNumber(JsonNames.Quantity, line.Quantity);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteProductFields(Utf8JsonWriter w, Product product)
    {
        w.WriteString(JsonNames.ProductId, product.EncodedId);
        w.WriteString(JsonNames.Sku, product.EncodedSku);
        w.WriteString(JsonNames.Category, product.EncodedCategory);
        w.WriteString(JsonNames.Name, product.EncodedName);
        w.WriteString(JsonNames.Brand, product.EncodedBrand);
        w.WriteNumber(JsonNames.Price, product.Price);
        w.WriteString(JsonNames.Url, product.EncodedUrl);
    }

    private void WritePage(Utf8JsonWriter w, int category)
    {
        var name = category < 0 ? _home : _categoryNames[category];
        w.WriteString(JsonNames.Name, name);
        w.WriteStartObject(JsonNames.Properties);
        w.WriteString(JsonNames.Url, category < 0 ? _homeUrl : _categoryUrls[category]);
        w.WriteString(JsonNames.Title, name);
        w.WriteEndObject();
    }

    private static void WriteTraits(Utf8JsonWriter w, CustomerTraits traits)
    {
        w.WriteStartObject(JsonNames.Traits);
        w.WriteString(JsonNames.Email, traits.Email);
        w.WriteString(JsonNames.FirstName, traits.FirstName);
        w.WriteString(JsonNames.LastName, traits.LastName);
        w.WriteString(JsonNames.TimeZone, traits.TimeZone);
        w.WriteString(JsonNames.Birthday, traits.Birthday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    /// <summary>Writes <c>{runId}-{infix}{number}</c>.</summary>
    private int ComposeId(Span<byte> destination, ReadOnlySpan<byte> infix, long number)
    {
        _runId.CopyTo(destination);
        var length = _runId.Length;
        destination[length++] = (byte)'-';
        infix.CopyTo(destination[length..]);
        length += infix.Length;
        number.TryFormat(destination[length..], out var written, default, CultureInfo.InvariantCulture);
        return length + written;
    }

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');
}
