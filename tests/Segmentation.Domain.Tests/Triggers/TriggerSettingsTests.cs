using System.Text.Json;
using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Domain.Tests.Triggers;

public sealed class TriggerSettingsTests
{
    [Fact]
    public void Validate_Defaults_AreValidAndDisabled()
    {
        TriggerSettings[] all =
        [
            new CartAbandonmentSettings(), new BrowseAbandonmentSettings(), new LapseSettings(),
            new BirthdaySettings(), new LoyaltyMilestoneSettings(), new SegmentEntrySettings(),
        ];
        Assert.Equal(TriggerNames.All, all.Select(static s => s.Trigger));
        foreach (var settings in all)
        {
            Assert.Empty(settings.Validate());
            Assert.False(settings.Enabled);
        }

        Assert.Empty(new TriggerGuardrails().Validate());
    }

    [Fact]
    public void Validate_BadValues_NameEachFieldWithWhatIsWrong()
    {
        var cart = new CartAbandonmentSettings { Delay = TimeSpan.Zero, SecondStepDelay = TimeSpan.FromDays(31), TemplateId = " d-1", Cooldown = TimeSpan.FromDays(400) };

        var errors = cart.Validate();

        Assert.Equal(
            [
                "TemplateId must be 1 to 200 characters without control characters or surrounding spaces, or left out.",
                "Cooldown must be from 0 to 365 days; got 400.00:00:00.",
                "Delay must be from 1 minute to 30 days; got 00:00:00.",
                "SecondStepDelay must be 0 (no second step) or longer than Delay and at most 30 days; got 31.00:00:00.",
            ],
            errors.Select(static e => e.Message));
        Assert.Equal(["TemplateId", "Cooldown", "Delay", "SecondStepDelay"], errors.Select(static e => e.Field));
    }

    [Fact]
    public void Validate_Milestones_IncreasingPositiveAndOneNeededWhenEnabled()
    {
        Assert.Equal(["SpendThresholds"], new LoyaltyMilestoneSettings { SpendThresholds = [1000m, 500m] }.Validate().Select(static e => e.Field));
        Assert.Equal(["OrderCounts"], new LoyaltyMilestoneSettings { OrderCounts = [0] }.Validate().Select(static e => e.Field));
        Assert.Equal(
            ["SpendThresholds or OrderCounts must name a milestone while the trigger is enabled."],
            new LoyaltyMilestoneSettings { Enabled = true }.Validate().Select(static e => e.Message));
    }

    [Fact]
    public void Validate_GuardrailsWithAnUnknownZoneAndACapOutOfRange()
    {
        var errors = new TriggerGuardrails { DefaultTimeZone = "Nowhere/Place", FrequencyCap = -1 }.Validate();

        Assert.Equal(
            ["FrequencyCap must be a whole number from 0 to 100; got -1.", "DefaultTimeZone must be an IANA time zone id such as Europe/Berlin; got 'Nowhere/Place'."],
            errors.Select(static e => e.Message));
    }

    [Fact]
    public void Json_RoundTripsThroughTheBaseTypeWithTheTriggerName()
    {
        TriggerSettings settings = new LapseSettings { Enabled = true, Basis = LapseBasis.Order, WinBackTemplateId = "d-2" };

        var json = JsonSerializer.Serialize(settings);
        var read = (LapseSettings)JsonSerializer.Deserialize<TriggerSettings>(json)!;

        Assert.StartsWith("""{"trigger":"lapse",""", json, StringComparison.Ordinal);
        Assert.Equal((true, LapseBasis.Order, "d-2", settings.Cooldown), (read.Enabled, read.Basis, read.WinBackTemplateId, read.Cooldown));
    }
}
