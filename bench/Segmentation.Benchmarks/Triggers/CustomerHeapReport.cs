using System.Reflection;
using Segmentation.Domain.Profiles;
using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;

namespace Segmentation.Benchmarks.Triggers;

/// <summary>
/// The managed heap each customer of the reminder-load population holds (identify, order, cart add: three events), after
/// full compacting collections. First the profiles alone, built from the same calls outside the silo: empty, after the
/// three events, and restored from their snapshots (as after a restart), each with the share of every part (the heap
/// freed when that part is dropped from every profile, in field order, so what parts share is counted with the last of
/// them); then the whole silo, as <see cref="ReminderLoadPopulation"/> seeds it, against the same silo with no customer.
/// </summary>
public static class CustomerHeapReport
{
    private const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    public static async Task RunAsync(int customers)
    {
        Console.WriteLine($"managed heap per customer, {customers:N0} customers, after full compacting collections");
        var now = DateTimeOffset.UtcNow;
        Profiles("empty profile", customers, static _ => new CustomerProfile());
        Profiles("profile after identify, order, cart add", customers, i => Build(i, now));
        Profiles("the same profile restored from its snapshot", customers, i => CustomerProfileSerializer.Deserialize(CustomerProfileSerializer.Serialize(Build(i, now))));
        await SiloAsync(customers);
    }

    private static CustomerProfile Build(int index, DateTimeOffset now)
    {
        var profile = new CustomerProfile();
        foreach (var message in ReminderLoadPopulation.FirstPass(index, now).Concat(ReminderLoadPopulation.CartAdd(index, now.AddHours(-1))))
        {
            profile.Apply(message);
        }

        return profile;
    }

    private static void Profiles(string what, int customers, Func<int, CustomerProfile> build)
    {
        var baseline = ManagedHeap.AfterFullCompaction();
        var profiles = new CustomerProfile[customers];
        for (var i = 0; i < customers; i++)
        {
            profiles[i] = build(i);
        }

        var whole = ManagedHeap.AfterFullCompaction();
        Console.WriteLine($"{what}: {PerCustomer(whole - baseline, customers)}");
        var before = whole;
        var parts = new List<string>();
        foreach (var field in typeof(CustomerProfile).GetFields(InstanceFields).Where(static f => !f.FieldType.IsValueType))
        {
            foreach (var profile in profiles)
            {
                field.SetValue(profile, null);
            }

            var after = ManagedHeap.AfterFullCompaction();
            parts.Add($"{field.Name.TrimStart('_')} {(before - after) / (double)customers:N0}");
            before = after;
        }

        Console.WriteLine($"  parts (B): {string.Join(", ", parts)}; the profile object and the rest {(before - baseline) / (double)customers:N0}");
        GC.KeepAlive(profiles);
    }

    private static async Task SiloAsync(int customers)
    {
        long empty;
        await using (var none = await ReminderLoadPopulation.StartAsync(0, 10_000, 300_000))
        {
            empty = ManagedHeap.AfterFullCompaction();
        }

        await using var population = await ReminderLoadPopulation.StartAsync(customers, 10_000, 300_000);
        var seeded = ManagedHeap.AfterFullCompaction();
        var silo = population.Silo;
        Console.WriteLine(
            $"silo: {PerCustomer(seeded - empty, customers)} beyond the silo with no customer ({empty / 1048576.0:N1} MB); " +
            $"{seeded / (double)customers:N0} B per customer with it; {silo.ActivationCount:N0} activations, {silo.InMemoryReminderCount:N0} reminders in memory");
    }

    private static string PerCustomer(long bytes, int customers) =>
        $"{bytes / (double)customers:N0} B per customer ({bytes / 1048576.0:N1} MB)";
}
