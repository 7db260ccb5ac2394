using Segmentation.Grains;
using Segmentation.Silo.Health;
using Segmentation.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSegmentationSiloHost().AddCustomerProfiles();

var app = builder.Build();
app.UseSegmentationSiloHost();
app.MapHealthEndpoints();

return await app.RunSiloAsync();

/// <summary>The silo's entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c> in tests.</summary>
public partial class Program;
