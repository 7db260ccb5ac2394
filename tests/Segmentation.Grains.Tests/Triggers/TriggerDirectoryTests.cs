using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Settings;
using Segmentation.Grains.Tests.Segments.Engine;
using Segmentation.Grains.Triggers;
using static Segmentation.Grains.Tests.Triggers.TriggerSilo;

namespace Segmentation.Grains.Tests.Triggers;

public sealed class TriggerDirectoryTests
{
    [Fact]
    public async Task GetAll_TheSixTriggersWithTheConfiguredSettings()
    {
        await using var silo = await StartAsync(("Lapse:After", "30.00:00:00"), ("Guardrails:FrequencyCap", "4"));

        var all = await silo.Triggers().GetAllAsync();

        Assert.Equal(TriggerNames.All, all.Select(static t => t.Name));
        Assert.Equal(TimeSpan.FromDays(30), ((LapseSettings)all[2].Settings).After);
        Assert.All(all, static t => Assert.False(t.Edited));
        Assert.Equal(4, (await silo.Triggers().GetGuardrailsAsync()).FrequencyCap);
    }

    [Fact]
    public async Task Update_InvalidSettings_ListsEveryErrorAndSavesNothing()
    {
        await using var silo = await StartAsync();

        var result = await silo.Triggers().UpdateAsync("browse_abandonment", new BrowseAbandonmentSettings { MinViews = 1, Window = TimeSpan.Zero }, "marketer");

        Assert.Equal(TriggerUpdateStatus.Invalid, result.Status);
        Assert.Equal(
            ["MinViews must be a whole number from 2 to 100; got 1.", "Window must be from 1 hour to 30 days; got 00:00:00."],
            result.Errors.Select(static e => e.Message));
        Assert.False((await silo.Triggers().GetAsync("browse_abandonment"))!.Edited);
    }

    [Fact]
    public async Task Update_UnknownNameOrAnotherTriggersSettingsOrUnknownSegments_Refused()
    {
        await using var silo = await StartAsync();
        await silo.CreateAsync("buyers", "orders_count(30d) > 0");

        Assert.Equal(TriggerUpdateStatus.NotFound, (await silo.Triggers().UpdateAsync("sms_blast", new LapseSettings(), "marketer")).Status);
        Assert.Equal(
            "Trigger must be lapse: these are the settings of birthday.",
            Assert.Single((await silo.Triggers().UpdateAsync("lapse", new BirthdaySettings(), "marketer")).Errors).Message);
        var unknown = await silo.Triggers().UpdateAsync("segment_entry", new SegmentEntrySettings { SegmentIds = ["buyers", "nobody"] }, "marketer");
        Assert.Equal("SegmentIds names segments that do not exist: nobody.", Assert.Single(unknown.Errors).Message);
        Assert.Equal(TriggerUpdateStatus.Updated, (await silo.Triggers().UpdateAsync("segment_entry", new SegmentEntrySettings { SegmentIds = ["buyers"] }, "marketer")).Status);
    }

    [Fact]
    public void Validator_BadConfiguration_NamesTheSettingByItsKey()
    {
        var options = new TriggerOptions { CartAbandonment = new CartAbandonmentSettings { Delay = TimeSpan.Zero } };
        options.Guardrails.DefaultTimeZone = "Atlantis";

        var result = new TriggerOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "Segmentation:Triggers:Guardrails:DefaultTimeZone must be an IANA time zone id such as Europe/Berlin; got 'Atlantis'.",
                "Segmentation:Triggers:CartAbandonment:Delay must be from 1 minute to 30 days; got 00:00:00.",
            ],
            result.Failures);
    }
}
