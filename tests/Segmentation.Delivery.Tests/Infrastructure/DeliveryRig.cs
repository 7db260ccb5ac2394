using Segmentation.Runtime.Hosting;
using Segmentation.Runtime.Storage;
using Segmentation.TestKit;

namespace Segmentation.Delivery.Tests.Infrastructure;

/// <summary>A receiver standing in for the ESP and a delivery silo posting to it, on one fake clock.</summary>
internal sealed class DeliveryRig : IAsyncDisposable
{
    private DeliveryRig(EspReceiver receiver, DeliverySilo silo)
    {
        Receiver = receiver;
        Silo = silo;
    }

    public EspReceiver Receiver { get; }

    public DeliverySilo Silo { get; }

    public FakeTimeProvider Clock => Silo.Clock;

    public static async Task<DeliveryRig> StartAsync(
        Action<Dictionary<string, string?>>? configure = null, Action<SiloBuilder>? builder = null, Func<ISiloStorage>? storage = null)
    {
        var clock = new FakeTimeProvider();
        var receiver = await EspReceiver.StartAsync(clock);
        var options = DeliverySilo.CreateOptions(receiver.Url, configure, builder);
        options.Clock = clock;
        if (storage is not null)
        {
            options.StorageFactory = storage;
        }

        return new DeliveryRig(receiver, await DeliverySilo.StartAsync(options));
    }

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
