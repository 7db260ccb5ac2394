using Segmentation.Grains;
using Segmentation.Silo.Health;
using Segmentation.Silo.Hosting;
using Segmentation.Silo.Management;
using Segmentation.Silo.Tracking;

var builder = WebApplication.CreateBuilder(args);
builder.AddSegmentationSiloHost().AddCustomerProfiles();
builder.AddTrackingApi();
builder.AddManagementApi();

var app = builder.Build();
app.UseSegmentationSiloHost();
app.MapHealthEndpoints();
app.MapTrackingEndpoints();
app.MapManagementEndpoints();

return await app.RunSiloAsync();

/// <summary>The silo's entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c> in tests.</summary>
public partial class Program;
