namespace Segmentation.Domain.Triggers.Settings;

/// <summary>
/// The guardrails every trigger send passes, when its reminder fires and again just before dispatch (section
/// <c>Segmentation:Triggers:Guardrails</c>): the frequency cap, quiet hours in the customer's time zone, the time zone
/// of customers without one, and how late an occurrence may still be sent.
/// </summary>
public sealed class TriggerGuardrails
{
    /// <summary>At most this many marketing sends per customer in any rolling 24 hours; 0: no cap. Default: 2 (0 to 100).</summary>
    public int FrequencyCap { get; set; } = 2;

    /// <summary>Local time the quiet hours start (sends wait until they end). Default: 21:00. Equal to the end: no quiet hours.</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);

    /// <summary>Local time the quiet hours end. Default: 08:00.</summary>
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>The IANA time zone of customers without a valid one. Default: <c>UTC</c>.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>
    /// An occurrence due longer ago than this when the customer's record is applied (imported history, delayed events)
    /// is passed over without a send. Default: 1 day (1 hour to 30 days).
    /// </summary>
    public TimeSpan MaxLateness { get; set; } = TimeSpan.FromDays(1);

    public bool HasQuietHours => QuietHoursStart != QuietHoursEnd;

    public TriggerGuardrails Clone() => (TriggerGuardrails)MemberwiseClone();

    public IReadOnlyList<TriggerSettingError> Validate()
    {
        var errors = new List<TriggerSettingError>();
        SettingChecks.Range(errors, nameof(FrequencyCap), FrequencyCap, 0, 100);
        if (!TimeZones.TryFind(DefaultTimeZone, out _))
        {
            errors.Add(new TriggerSettingError(nameof(DefaultTimeZone), $"must be an IANA time zone id such as Europe/Berlin; got '{DefaultTimeZone}'."));
        }

        SettingChecks.Duration(errors, nameof(MaxLateness), MaxLateness, TimeSpan.FromHours(1), TimeSpan.FromDays(30));
        return errors;
    }
}
