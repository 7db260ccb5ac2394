using Microsoft.Extensions.DependencyInjection;
using Segmentation.Grains;
using Segmentation.Grains.Customers;
using Segmentation.Grains.Rfm;
using Segmentation.TestKit;

namespace Segmentation.Import.Tests.Infrastructure;

/// <summary>A test silo with customer profiles, its clock fixed at an instant.</summary>
internal static class ProfileSilo
{
    public static Task<TestSilo> StartAsync(DateTimeOffset now) => TestSilo.StartAsync(new TestSiloOptions
    {
        Configure = static builder => builder.AddCustomerProfiles(),
        Clock = new FakeTimeProvider(now),
    });

    public static CustomerDirectory Directory(this TestSilo silo) => silo.Services.GetRequiredService<CustomerDirectory>();

    public static Task<Domain.Rfm.RfmCutPoints> RefreshRfmAsync(this TestSilo silo) =>
        silo.Services.GetRequiredService<RfmRefresher>().RefreshAsync();
}
