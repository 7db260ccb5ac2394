using System.Reflection;
using System.Text.Json;
using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Settings;
using Segmentation.Grains.Triggers;
using Segmentation.Silo.Dashboard.Components.Pages.Triggers;

namespace Segmentation.Dashboard.Tests.Triggers;

public sealed class TriggerFormTests
{
    public static TheoryData<string> Triggers => [.. TriggerNames.All];

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Descriptions_EverySettingOfTheTrigger_HasOneField(string name)
    {
        var settable = Defaults(name).GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(static p => p.CanWrite && p.Name != nameof(TriggerSettings.Enabled))
            .Select(static p => p.Name)
            .Order(StringComparer.Ordinal);

        var fields = TriggerDescriptions.Of(name)!.Fields.Select(static f => f.Name).Order(StringComparer.Ordinal);

        Assert.Equal(settable, fields);
    }

    [Fact]
    public void Descriptions_AreInCatalogOrder() =>
        Assert.Equal(TriggerNames.All, TriggerDescriptions.All.Select(static d => d.Name));

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Read_NothingChanged_GivesTheSameSettings(string name)
    {
        var settings = Configured(name);
        var errors = new List<TriggerSettingError>();

        var read = TriggerForm.From(settings).Read(errors);

        Assert.Empty(errors);
        Assert.Equal(Json(settings), Json(read));
    }

    [Fact]
    public void Read_EntriesChanged_SetsEveryKind()
    {
        var form = TriggerForm.From(new LapseSettings());
        form.Enabled = true;
        Enter(form, nameof(LapseSettings.Basis), "Order");
        Enter(form, nameof(LapseSettings.After), "45", DurationUnit.Days);
        Enter(form, nameof(LapseSettings.WinBackAfter), "0");
        Enter(form, nameof(LapseSettings.TemplateId), "  d-lapse-1 ");
        Enter(form, nameof(LapseSettings.WinBackTemplateId), " ");
        var errors = new List<TriggerSettingError>();

        var read = (LapseSettings)form.Read(errors);

        Assert.Empty(errors);
        Assert.True(read.Enabled);
        Assert.Equal(LapseBasis.Order, read.Basis);
        Assert.Equal(TimeSpan.FromDays(45), read.After);
        Assert.Equal(TimeSpan.Zero, read.WinBackAfter);
        Assert.Equal("d-lapse-1", read.TemplateId);
        Assert.Null(read.WinBackTemplateId);
    }

    [Fact]
    public void Read_ListsAndTimeOfDay_AreParsed()
    {
        var loyalty = TriggerForm.From(new LoyaltyMilestoneSettings());
        Enter(loyalty, nameof(LoyaltyMilestoneSettings.SpendThresholds), "250, 1000.50,");
        Enter(loyalty, nameof(LoyaltyMilestoneSettings.OrderCounts), "");
        var birthday = TriggerForm.From(new BirthdaySettings());
        Enter(birthday, nameof(BirthdaySettings.LocalTime), "10:30");
        var errors = new List<TriggerSettingError>();

        var milestones = (LoyaltyMilestoneSettings)loyalty.Read(errors);
        var birthdays = (BirthdaySettings)birthday.Read(errors);

        Assert.Empty(errors);
        Assert.Equal([250m, 1000.50m], milestones.SpendThresholds!);
        Assert.Null(milestones.OrderCounts);
        Assert.Equal(new TimeOnly(10, 30), birthdays.LocalTime);
    }

    [Fact]
    public void Read_SegmentsPicked_InTheOrderPickedWithoutTheOnesTakenOut()
    {
        var form = TriggerForm.From(new SegmentEntrySettings { SegmentIds = ["vip"] });
        var segments = form.Inputs.Single(static i => i.Field.Kind == TriggerFieldKind.Segments);
        segments.Select("champions", selected: true);
        segments.Select("vip", selected: false);
        segments.Select("at-risk", selected: true);

        var read = (SegmentEntrySettings)form.Read([]);

        Assert.Equal(["champions", "at-risk"], read.SegmentIds!);
    }

    [Fact]
    public void Read_EntriesOfTheWrongKind_ReportsEachAtItsFieldAndKeepsItsValue()
    {
        var form = TriggerForm.From(new BrowseAbandonmentSettings());
        Enter(form, nameof(BrowseAbandonmentSettings.MinViews), "two");
        Enter(form, nameof(BrowseAbandonmentSettings.Delay), "", DurationUnit.Minutes);
        var errors = new List<TriggerSettingError>();

        var read = (BrowseAbandonmentSettings)form.Read(errors);

        Assert.Equal(
            ["MinViews must be a whole number.", "Delay must be a number of minutes, e.g. 45."],
            errors.Select(static e => e.Message));
        Assert.Equal(2, read.MinViews);
        Assert.Equal(TimeSpan.FromHours(1), read.Delay);
    }

    [Fact]
    public void Read_AmountListWithAWord_NamesTheWord()
    {
        var form = TriggerForm.From(new LoyaltyMilestoneSettings());
        Enter(form, nameof(LoyaltyMilestoneSettings.SpendThresholds), "500, lots");
        var errors = new List<TriggerSettingError>();

        form.Read(errors);

        var error = Assert.Single(errors);
        Assert.Equal(nameof(LoyaltyMilestoneSettings.SpendThresholds), error.Field);
        Assert.Equal("must be values separated by commas, e.g. 500, 1000; 'lots' is not an amount.", error.Problem);
    }

    [Fact]
    public void Check_ZeroDelay_GivesTheSettingsMessageAtDelay()
    {
        var form = TriggerForm.From(new CartAbandonmentSettings());
        Enter(form, nameof(CartAbandonmentSettings.Delay), "0", DurationUnit.Minutes);

        var error = Assert.Single(form.Check());

        Assert.Equal(nameof(CartAbandonmentSettings.Delay), error.Field);
        Assert.Equal("Delay must be from 1 minute to 30 days; got 00:00:00.", error.Message);
    }

    [Fact]
    public void Check_UnreadableEntry_IsReportedOnceWithoutTheChecksOfItsOldValue()
    {
        var form = TriggerForm.From(new CartAbandonmentSettings { Delay = TimeSpan.Zero });
        Enter(form, nameof(CartAbandonmentSettings.Delay), "soon");

        var error = Assert.Single(form.Check());

        Assert.Equal("Delay must be a number of hours, e.g. 45.", error.Message);
    }

    [Fact]
    public void Check_ValidEntries_HasNoError()
    {
        var form = TriggerForm.From(new CartAbandonmentSettings());
        Enter(form, nameof(CartAbandonmentSettings.Delay), "45", DurationUnit.Minutes);

        Assert.Empty(form.Check());
    }

    [Fact]
    public void Describe_Settings_ReadsAsShown()
    {
        var description = TriggerDescriptions.Of(TriggerNames.CartAbandonment)!;
        var settings = new CartAbandonmentSettings { SecondStepDelay = TimeSpan.Zero, TemplateId = "d-cart-1" };

        var shown = description.Fields.ToDictionary(static f => f.Name, f => f.Describe(settings));

        Assert.Equal("d-cart-1", shown[nameof(CartAbandonmentSettings.TemplateId)]);
        Assert.Equal("1 hour", shown[nameof(CartAbandonmentSettings.Delay)]);
        Assert.Equal("no second step", shown[nameof(CartAbandonmentSettings.SecondStepDelay)]);
        Assert.Equal("same as the template id", shown[nameof(CartAbandonmentSettings.SecondStepTemplateId)]);
        Assert.Equal("12 hours", shown[nameof(CartAbandonmentSettings.Cooldown)]);
    }

    private static void Enter(TriggerForm form, string field, string text, DurationUnit? unit = null)
    {
        var input = form.Inputs.Single(i => i.Field.Name == field);
        input.Text = text;
        if (unit is { } chosen)
        {
            input.Unit = chosen;
        }
    }

    // The trigger's defaults, as silo-config leaves them.
    private static TriggerSettings Defaults(string name) => new TriggerOptions().Triggers().Single(s => s.Trigger == name);

    // Settings with a value in every field, as silo-config or an edit may give them.
    private static TriggerSettings Configured(string name)
    {
        var settings = Defaults(name);
        settings.Enabled = true;
        settings.TemplateId = "d-" + name;
        switch (settings)
        {
            case CartAbandonmentSettings cart:
                cart.Delay = TimeSpan.FromMinutes(45);
                cart.SecondStepTemplateId = "d-cart-2";
                break;
            case LapseSettings lapse:
                lapse.Basis = LapseBasis.Order;
                lapse.WinBackTemplateId = "d-win-back";
                break;
            case BirthdaySettings birthday:
                birthday.LocalTime = new TimeOnly(8, 15);
                break;
            case LoyaltyMilestoneSettings loyalty:
                loyalty.SpendThresholds = [500m, 1000.5m];
                loyalty.OrderCounts = [5, 10];
                break;
            case SegmentEntrySettings entry:
                entry.SegmentIds = ["vip", "champions"];
                break;
        }

        return settings;
    }

    private static string Json(TriggerSettings settings) => JsonSerializer.Serialize(settings);
}
