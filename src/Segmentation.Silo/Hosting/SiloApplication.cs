using Segmentation.Grains;
using Segmentation.Silo.Dashboard;
using Segmentation.Silo.Health;
using Segmentation.Silo.Management;
using Segmentation.Silo.Tracking;

namespace Segmentation.Silo.Hosting;

/// <summary>
/// The silo application: the host with customer profiles, the tracking and management APIs and the dashboard, its
/// request pipeline and endpoints. <c>Program</c> runs it; tests and benchmarks build the same application in-process.
/// </summary>
public static class SiloApplication
{
    /// <summary>Builds the silo from its command-line arguments; <paramref name="configure"/> may add or replace services.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application name locates the static web assets (the dashboard's styles and scripts), whichever process hosts it.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SiloApplication).Assembly.GetName().Name,
        });
        builder.AddSegmentationSiloHost().AddCustomerProfiles();
        builder.AddTrackingApi();
        builder.AddManagementApi();
        builder.AddDashboard();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseSegmentationSiloHost();
        app.MapHealthEndpoints();
        app.MapTrackingEndpoints();
        app.MapManagementEndpoints();
        app.MapDashboard();
        return app;
    }
}
