using Segmentation.Silo.Dashboard.Accounts;
using Segmentation.Silo.Hosting;

if (PasswordHashCommand.Matches(args))
{
    return PasswordHashCommand.Run(Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected);
}

return await SiloApplication.Build(args).RunSiloAsync();

/// <summary>The silo's entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c> in tests.</summary>
public partial class Program;
