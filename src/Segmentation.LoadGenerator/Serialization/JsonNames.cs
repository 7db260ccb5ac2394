using System.Text.Json;

namespace Segmentation.LoadGenerator.Serialization;

/// <summary>Property names and constant values of the tracking payload, encoded once.</summary>
internal static class JsonNames
{
    public static readonly JsonEncodedText Batch = JsonEncodedText.Encode("batch");
    public static readonly JsonEncodedText SentAt = JsonEncodedText.Encode("sentAt");
    public static readonly JsonEncodedText Context = JsonEncodedText.Encode("context");
    public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    public static readonly JsonEncodedText Event = JsonEncodedText.Encode("event");
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    public static readonly JsonEncodedText MessageId = JsonEncodedText.Encode("messageId");
    public static readonly JsonEncodedText UserId = JsonEncodedText.Encode("userId");
    public static readonly JsonEncodedText AnonymousId = JsonEncodedText.Encode("anonymousId");
    public static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    public static readonly JsonEncodedText Properties = JsonEncodedText.Encode("properties");
    public static readonly JsonEncodedText Traits = JsonEncodedText.Encode("traits");

    public static readonly JsonEncodedText Track = JsonEncodedText.Encode("track");
    public static readonly JsonEncodedText Identify = JsonEncodedText.Encode("identify");
    public static readonly JsonEncodedText Page = JsonEncodedText.Encode("page");

    public static readonly JsonEncodedText ProductId = JsonEncodedText.Encode("product_id");
    public static readonly JsonEncodedText Sku = JsonEncodedText.Encode("sku");
    public static readonly JsonEncodedText Category = JsonEncodedText.Encode("category");
    public static readonly JsonEncodedText Brand = JsonEncodedText.Encode("brand");
    public static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");
    public static readonly JsonEncodedText Quantity = JsonEncodedText.Encode("quantity");
    public static readonly JsonEncodedText Position = JsonEncodedText.Encode("position");
    public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
    public static readonly JsonEncodedText Currency = JsonEncodedText.Encode("currency");
    public static readonly JsonEncodedText CurrencyValue = JsonEncodedText.Encode(Shoppers.ProductCatalog.Currency);
    public static readonly JsonEncodedText CartId = JsonEncodedText.Encode("cart_id");
    public static readonly JsonEncodedText OrderId = JsonEncodedText.Encode("order_id");
    public static readonly JsonEncodedText ListId = JsonEncodedText.Encode("list_id");
    public static readonly JsonEncodedText Products = JsonEncodedText.Encode("products");
    public static readonly JsonEncodedText Query = JsonEncodedText.Encode("query");
    public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    public static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");
    public static readonly JsonEncodedText Revenue = JsonEncodedText.Encode("revenue");
    public static readonly JsonEncodedText Shipping = JsonEncodedText.Encode("shipping");
    public static readonly JsonEncodedText Tax = JsonEncodedText.Encode("tax");
    public static readonly JsonEncodedText CampaignId = JsonEncodedText.Encode("campaign_id");
    public static readonly JsonEncodedText CampaignName = JsonEncodedText.Encode("campaign_name");
    public static readonly JsonEncodedText EmailId = JsonEncodedText.Encode("email_id");
    public static readonly JsonEncodedText EmailSubject = JsonEncodedText.Encode("email_subject");
    public static readonly JsonEncodedText LinkUrl = JsonEncodedText.Encode("link_url");
    public static readonly JsonEncodedText Email = JsonEncodedText.Encode("email");
    public static readonly JsonEncodedText FirstName = JsonEncodedText.Encode("first_name");
    public static readonly JsonEncodedText LastName = JsonEncodedText.Encode("last_name");
    public static readonly JsonEncodedText TimeZone = JsonEncodedText.Encode("timezone");
    public static readonly JsonEncodedText Birthday = JsonEncodedText.Encode("birthday");
    public static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
    public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
}
