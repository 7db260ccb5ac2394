using System.Text.Json.Serialization;

namespace Segmentation.Delivery.Esp;

/// <summary>The body of SendGrid v3 <c>POST /v3/mail/send</c> with a dynamic template.</summary>
internal sealed record SendGridMail(
    [property: JsonPropertyName("personalizations")] IReadOnlyList<SendGridPersonalization> Personalizations,
    [property: JsonPropertyName("from")] SendGridAddress From,
    [property: JsonPropertyName("template_id")] string TemplateId,
    [property: JsonPropertyName("categories")] IReadOnlyList<string> Categories,
    [property: JsonPropertyName("asm")] SendGridUnsubscribeGroup? Asm,
    [property: JsonPropertyName("mail_settings")] SendGridMailSettings? MailSettings);

/// <summary>One recipient with the template data and the custom arguments SendGrid echoes in its event webhook.</summary>
internal sealed record SendGridPersonalization(
    [property: JsonPropertyName("to")] IReadOnlyList<SendGridAddress> To,
    [property: JsonPropertyName("dynamic_template_data")] EspSendData DynamicTemplateData,
    [property: JsonPropertyName("custom_args")] SortedDictionary<string, string> CustomArgs);

internal sealed record SendGridAddress(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("name")] string? Name);

/// <summary>The unsubscribe group (SendGrid's advanced suppression manager) of marketing sends.</summary>
internal sealed record SendGridUnsubscribeGroup([property: JsonPropertyName("group_id")] int GroupId);

internal sealed record SendGridMailSettings([property: JsonPropertyName("sandbox_mode")] SendGridSetting SandboxMode);

internal sealed record SendGridSetting([property: JsonPropertyName("enable")] bool Enable);
