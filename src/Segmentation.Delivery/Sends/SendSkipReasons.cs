namespace Segmentation.Delivery.Sends;

/// <summary>The well-known skip reason codes; triggers and guards may use others of the same form.</summary>
public static class SendSkipReasons
{
    /// <summary>The customer has not consented to marketing email.</summary>
    public const string NoConsent = "no_consent";

    /// <summary>The customer unsubscribed.</summary>
    public const string Unsubscribed = "unsubscribed";

    /// <summary>The address bounced.</summary>
    public const string Bounced = "bounced";

    /// <summary>The customer marked an email as spam.</summary>
    public const string Complained = "complained";

    /// <summary>The customer has no email address.</summary>
    public const string NoEmail = "no_email";

    /// <summary>The customer already had the most marketing sends allowed in the rolling 24 hours.</summary>
    public const string FrequencyCap = "frequency_cap";

    /// <summary>The trigger's condition no longer holds (e.g. the cart was bought or emptied).</summary>
    public const string ConditionNotMet = "condition_not_met";

    /// <summary>The customer got this trigger within its re-entry cooldown.</summary>
    public const string Cooldown = "cooldown";

    /// <summary>The trigger is disabled.</summary>
    public const string TriggerDisabled = "trigger_disabled";
}
