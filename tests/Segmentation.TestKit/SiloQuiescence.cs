using Segmentation.Runtime.Hosting;

namespace Segmentation.TestKit;

/// <summary>Waiting on a silo hosted elsewhere (e.g. by a web application factory) the way <see cref="TestSilo"/> waits on its own.</summary>
public static class SiloQuiescence
{
    /// <summary>Completes when every durable record appended so far is applied, with whatever those appended in turn.</summary>
    public static Task WhenIdleAsync(this Silo silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.Runtime.QuiesceAsync();
    }
}
