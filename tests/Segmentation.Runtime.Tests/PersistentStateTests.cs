using System.Text;
using Segmentation.Runtime.Storage;
using Segmentation.Runtime.Tests.Grains;

namespace Segmentation.Runtime.Tests;

public sealed class PersistentStateTests
{
    [Fact]
    public async Task WriteStateAsync_Reactivated_ReadsWhatWasWritten()
    {
        var silo = await TestSilos.StartAsync();
        await silo.Client.GetGrain<NotesGrain>("n").InvokeAsync(g => g.AddAsync("first"));
        await silo.Client.GetGrain<NotesGrain>("n").InvokeAsync(g => g.AddAsync("second"));

        silo = await silo.RestartAsync();
        await using var restarted = silo;

        Assert.Equal(["first", "second"], await silo.Client.GetGrain<NotesGrain>("n").InvokeAsync(g => g.GetAsync()));
    }

    [Fact]
    public async Task WriteStateAsync_StoredEtagChangedBehindTheGrain_FailsAndOverwritesNothing()
    {
        await using var silo = await TestSilos.StartAsync();
        var grain = silo.Client.GetGrain<NotesGrain>("n");
        var etag = await grain.InvokeAsync(g => g.AddAsync("first"));
        var id = new GrainId("notes", "n");
        var storage = (ISiloStorage)silo.Silo.Runtime.Storage;
        await storage.WriteStateAsync(id, "notes", Encoding.UTF8.GetBytes("""{"Lines":["elsewhere"]}"""), etag);

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => grain.InvokeAsync(g => g.AddAsync("second")).AsTask());

        Assert.Equal(etag, exception.ExpectedEtag);
        var stored = await storage.ReadStateAsync(id, "notes");
        Assert.Equal("""{"Lines":["elsewhere"]}""", Encoding.UTF8.GetString(stored!.Data));
    }
}
