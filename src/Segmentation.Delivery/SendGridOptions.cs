namespace Segmentation.Delivery;

/// <summary>Settings of the SendGrid adapter (<c>Segmentation:Delivery:SendGrid</c>).</summary>
public sealed class SendGridOptions
{
    /// <summary>The API key with Mail Send permission, sent as <c>Authorization: Bearer</c>; never logged. Required with the SendGrid adapter.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The sender address (a verified sender or authenticated domain). Required with the SendGrid adapter.</summary>
    public string? FromEmail { get; set; }

    /// <summary>The sender name shown to recipients; none when empty.</summary>
    public string? FromName { get; set; }

    /// <summary>The unsubscribe group (<c>asm.group_id</c>) of marketing sends; 0 for none. Transactional sends never get one.</summary>
    public int UnsubscribeGroupId { get; set; }

    /// <summary>SendGrid's sandbox mode: it validates and answers, but sends no email (for staging). Default: false.</summary>
    public bool SandboxMode { get; set; }
}
