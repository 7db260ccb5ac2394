namespace Segmentation.Delivery;

/// <summary>How sends are posted to the ESP endpoint.</summary>
public enum EspAdapterKind
{
    /// <summary>A generic webhook signed the Standard Webhooks way (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>).</summary>
    Webhook,

    /// <summary>SendGrid v3 <c>mail/send</c> with a dynamic template and <c>dynamic_template_data</c>, authorized by an API key.</summary>
    SendGrid,
}
