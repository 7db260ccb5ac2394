using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Segmentation.Benchmarks.Segments;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Policies;
using Segmentation.Domain.Triggers.Settings;
using Segmentation.Tracking;

namespace Segmentation.Benchmarks.Triggers;

/// <summary>
/// What a customer grain's triggers cost after each record when all are enabled: the next occurrence of the five
/// profile-driven triggers (cart, browse, lapse, birthday, milestones) for a typical and a heavy shopper, with nothing
/// due (the common case: the grain then only compares the instants with its reminders).
/// </summary>
[Config(typeof(SingleCoreConfig))]
[MemoryDiagnoser]
public class TriggerPolicyBenchmarks
{
    private readonly CartAbandonmentSettings _cart = new() { Enabled = true };
    private readonly BrowseAbandonmentSettings _browse = new() { Enabled = true };
    private readonly LapseSettings _lapse = new() { Enabled = true };
    private readonly BirthdaySettings _birthday = new() { Enabled = true };
    private readonly LoyaltyMilestoneSettings _milestones = new() { Enabled = true, SpendThresholds = [1_000_000m], OrderCounts = [1_000] };
    private TriggerContext _context = null!;

    /// <summary>The shopper's events over 60 days: a typical customer, and a heavy one.</summary>
    [Params(20, 300)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var asOf = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var profile = new CustomerProfile();
        var cart = default(CartCycle);
        foreach (var message in BenchSegments.History("shopper", asOf, Events))
        {
            profile.Apply(message);
            cart = cart.After(message, profile.CartSummary);
        }

        profile.Apply(new TrackingMessage
        {
            Type = TrackingMessageType.Identify,
            MessageId = "birthday",
            UserId = "shopper",
            Timestamp = asOf,
            ReceivedAt = asOf,
            Traits = new JsonObject { ["birthday"] = "1990-06-15", ["timezone"] = "Europe/Berlin" },
        });
        TimeZones.TryFind("Europe/Berlin", out var zone);
        _context = new TriggerContext(profile, asOf, asOf.AddDays(-1), zone!, new TriggerLedger(), cart.Since, static _ => false);
        Console.WriteLine($"// next: cart {Describe(CartAbandonmentTrigger.NextDue(_context, _cart))}, browse {Describe(BrowseAbandonmentTrigger.NextDue(_context, _browse))}, "
            + $"lapse {Describe(LapseTrigger.NextDue(_context, _lapse))}, birthday {Describe(BirthdayTrigger.NextDue(_context, _birthday))}");
    }

    [Benchmark]
    public int NextDueOfEveryTrigger()
    {
        var found = 0;
        found += CartAbandonmentTrigger.NextDue(_context, _cart) is null ? 0 : 1;
        found += BrowseAbandonmentTrigger.NextDue(_context, _browse) is null ? 0 : 1;
        found += LapseTrigger.NextDue(_context, _lapse) is null ? 0 : 1;
        found += BirthdayTrigger.NextDue(_context, _birthday) is null ? 0 : 1;
        found += LoyaltyMilestoneTrigger.NextDue(_context, _milestones) is null ? 0 : 1;
        return found;
    }

    [Benchmark]
    public TriggerDue? Cart() => CartAbandonmentTrigger.NextDue(_context, _cart);

    [Benchmark]
    public TriggerDue? Browse() => BrowseAbandonmentTrigger.NextDue(_context, _browse);

    [Benchmark]
    public TriggerDue? Lapse() => LapseTrigger.NextDue(_context, _lapse);

    [Benchmark]
    public TriggerDue? Birthday() => BirthdayTrigger.NextDue(_context, _birthday);

    [Benchmark]
    public TriggerDue? Milestones() => LoyaltyMilestoneTrigger.NextDue(_context, _milestones);

    private static string Describe(TriggerDue? due) => due is null ? "none" : $"{due.DueAt:O} {due.OccurrenceKey}";
}
