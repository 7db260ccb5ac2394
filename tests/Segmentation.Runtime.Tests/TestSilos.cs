using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Runtime.Configuration;
using Segmentation.Runtime.Tests.Grains;
using Segmentation.TestKit;

namespace Segmentation.Runtime.Tests;

/// <summary>Test silos with the test grains registered.</summary>
internal static class TestSilos
{
    /// <summary>The test grains; with <paramref name="probe"/>, every silo of these options (restarts too) shares it.</summary>
    public static TestSiloOptions Options(Action<SiloOptions>? configureSilo = null, GrainProbe? probe = null) => new()
    {
        Configure = builder =>
        {
            if (probe is null)
            {
                builder.Services.AddSingleton<GrainProbe>();
            }
            else
            {
                builder.Services.AddSingleton(probe);
            }

            builder.AddGrain<CounterGrain>().AddGrain<LedgerGrain>().AddGrain<NotesGrain>();
        },
        ConfigureSilo = configureSilo ?? (static _ => { }),
    };

    public static Task<TestSilo> StartAsync(Action<SiloOptions>? configureSilo = null) =>
        TestSilo.StartAsync(Options(configureSilo));

    public static GrainProbe Probe(this TestSilo silo) => silo.Services.GetRequiredService<GrainProbe>();

    public static DurableMessage Message(string ledger, string kind, string text, DateTimeOffset time) =>
        new(new GrainId("ledger", ledger), kind, Encoding.UTF8.GetBytes(text), time);

    public static Task AppendAsync(this TestSilo silo, string ledger, string kind, string text) =>
        silo.Client.AppendAsync([Message(ledger, kind, text, silo.Clock.GetUtcNow())]);

    public static ValueTask<IReadOnlyList<string>> LedgerAsync(this TestSilo silo, string ledger) =>
        silo.Client.GetGrain<LedgerGrain>(ledger).InvokeAsync(static g => g.GetEntriesAsync());
}
