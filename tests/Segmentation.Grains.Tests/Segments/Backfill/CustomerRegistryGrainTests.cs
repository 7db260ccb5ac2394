using System.Text;
using Segmentation.Grains.Segments;
using Segmentation.Runtime;
using Segmentation.TestKit;

namespace Segmentation.Grains.Tests.Segments.Backfill;

public sealed class CustomerRegistryGrainTests
{
    private static readonly string[] OddKeys = ["Zed", "a", "customer-10", "customer-9", "émile", "\U0001F600-fan", "\U0001F600", "ß", "A b"];

    [Fact]
    public async Task ApplyAsync_SameCustomerRegisteredAgain_CountsItOnce()
    {
        await using var silo = await TestSilo.StartAsync(BackfillSilo.Options());

        await RegisterAsync(silo, "0", "a", "b", "a", "c", "b", "a");

        Assert.Equal(3, await CountAsync(silo, "0"));
        Assert.Equal(["a", "b", "c"], await ListAllAsync(silo, "0", pageSize: 2));
    }

    [Fact]
    public async Task ListAsync_Pages_GiveEveryKeyOnceInOrdinalOrder()
    {
        await using var silo = await TestSilo.StartAsync(BackfillSilo.Options());
        var keys = Enumerable.Range(0, 300).Select(BackfillSilo.CustomerId).Concat(OddKeys).ToArray();
        new Random(7).Shuffle(keys);

        // Registered in two bursts, so the second burst is merged into keys already in order.
        await RegisterAsync(silo, "5", keys[..150]);
        Assert.Equal(keys[..150].Order(StringComparer.Ordinal), await ListAllAsync(silo, "5", pageSize: 16));
        await RegisterAsync(silo, "5", keys[150..]);

        Assert.Equal(keys.Order(StringComparer.Ordinal), await ListAllAsync(silo, "5", pageSize: 16));
        Assert.Equal(keys.Order(StringComparer.Ordinal), await ListAllAsync(silo, "5", pageSize: 1_000));
    }

    [Fact]
    public async Task ListAsync_RegisteredBefore_ListsOnlyTheCustomersCountedThen()
    {
        await using var silo = await TestSilo.StartAsync(BackfillSilo.Options());
        await RegisterAsync(silo, "1", "m", "c", "x");
        var counted = await CountAsync(silo, "1");

        await RegisterAsync(silo, "1", "a", "n", "c", "z");

        Assert.Equal(["c", "m", "x"], await ListAllAsync(silo, "1", pageSize: 2, registeredBefore: counted));
        Assert.Equal(["a", "c", "m", "n", "x", "z"], await ListAllAsync(silo, "1", pageSize: 2));
    }

    [Fact]
    public async Task ReadSnapshot_AfterCheckpointAndCrash_KeepsKeysAndRegistrationOrder()
    {
        var options = BackfillSilo.Options();
        var silo = await TestSilo.StartAsync(options);
        await RegisterAsync(silo, "2", [.. OddKeys[..5]]);
        await silo.CheckpointAsync();
        await RegisterAsync(silo, "2", [.. OddKeys[5..]]);

        silo = await silo.RestartAsync();
        await using (silo)
        {
            await RegisterAsync(silo, "2", "0-after-restart", "a");

            Assert.Equal(OddKeys.Length + 1, await CountAsync(silo, "2"));
            Assert.Equal(OddKeys[..5].Order(StringComparer.Ordinal), await ListAllAsync(silo, "2", pageSize: 3, registeredBefore: 5));
            Assert.Equal(OddKeys.Order(StringComparer.Ordinal), await ListAllAsync(silo, "2", pageSize: 3, registeredBefore: OddKeys.Length));
        }
    }

    [Fact]
    public async Task CustomerGrain_FirstRecord_RegistersTheCustomerInItsShard()
    {
        await using var silo = await TestSilo.StartAsync(BackfillSilo.Options());
        var book = new OrderBook();
        var customers = Enumerable.Range(0, 40).Select(BackfillSilo.CustomerId).ToList();

        await book.AppendAsync(silo, customers.Select(static (id, i) => (id, 1 + (i % 3))));
        await book.AppendVisitsAsync(silo, customers);
        await silo.WhenIdleAsync();

        var registered = new List<string>();
        foreach (var shard in Shards.All)
        {
            var listed = await ListAllAsync(silo, shard, pageSize: 4);
            Assert.All(listed, id => Assert.Equal(shard, Shards.For(id)));
            registered.AddRange(listed);
        }

        Assert.Equal(customers, registered.Order(StringComparer.Ordinal));
    }

    private static async Task RegisterAsync(TestSilo silo, string shard, params string[] keys)
    {
        await silo.Client.AppendAsync([.. keys.Select(key => new DurableMessage(
            CustomerRegistryGrain.IdOf(shard), RecordKinds.CustomerRegistered, Encoding.UTF8.GetBytes(key), silo.Clock.GetUtcNow()))]);
        await silo.WhenIdleAsync();
    }

    private static Task<int> CountAsync(TestSilo silo, string shard) =>
        silo.Client.GetGrain<CustomerRegistryGrain>(shard).InvokeReadOnlyAsync(static g => g.CountAsync()).AsTask();

    private static async Task<List<string>> ListAllAsync(TestSilo silo, string shard, int pageSize, int registeredBefore = int.MaxValue)
    {
        var registry = silo.Client.GetGrain<CustomerRegistryGrain>(shard);
        var all = new List<string>();
        while (true)
        {
            var after = all.Count == 0 ? null : all[^1];
            var page = await registry.InvokeAsync(g => g.ListAsync(after, pageSize, registeredBefore));
            Assert.True(page.Count <= pageSize);
            all.AddRange(page);
            if (page.Count < pageSize)
            {
                return all;
            }
        }
    }
}
