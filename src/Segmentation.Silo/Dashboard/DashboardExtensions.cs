using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Radzen;
using Segmentation.Grains.Rfm;
using Segmentation.Runtime;
using Segmentation.Silo.Dashboard.Accounts;
using Segmentation.Silo.Dashboard.Components;
using Segmentation.Silo.Dashboard.Live;
using Segmentation.Silo.Dashboard.Sends;
using Segmentation.Silo.Segments;

namespace Segmentation.Silo.Dashboard;

/// <summary>
/// The marketers' dashboard: interactive server-rendered pages at <c>/</c> behind a sign-in (cookie, antiforgery,
/// viewer and editor roles), live figures pushed to open pages, and friendly error pages. The management and
/// tracking APIs keep their own authentication and answers.
/// </summary>
public static class DashboardExtensions
{
    /// <summary>
    /// Adds the dashboard's services: its settings (<c>Segmentation:Dashboard</c>, checked at start), the cookie scheme
    /// (the host's default) and policies, Razor components with Radzen, and the live sampler. Needs the silo host,
    /// customer profiles and the management API; map with <see cref="MapDashboard"/>. Safe to call twice.
    /// </summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(static d => d.ServiceType == typeof(DashboardAccountAuthenticator)))
        {
            return builder;
        }

        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        services.AddSingleton<DashboardAccountAuthenticator>();
        services.AddHostedService<DashboardAccountReport>();
        AddSignIn(services);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();

        services.TryAddSingleton<RfmPopulationDirectory>();
        services.AddScoped<DashboardSendRetry>();
        services.AddScoped<TriggerUpdater>();
        services.AddSingleton<TrackedEventCounter>();
        CountTrackedEvents(services);
        services.AddSingleton<DashboardPulse>();
        services.AddHostedService(static sp => sp.GetRequiredService<DashboardPulse>());
        return builder;
    }

    /// <summary>
    /// Maps the pages, sign-out and the members CSV download, after the management API's authentication and
    /// authorization middleware (call it after <c>MapManagementEndpoints</c>). Browsers get HTML error pages; API
    /// clients keep their ProblemDetails answers.
    /// </summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(static context => DashboardErrorPages.IsFor(context.Request), static pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = DashboardErrorPages.WriteAsync });
            pages.UseStatusCodePages(static context => DashboardErrorPages.WriteAsync(context.HttpContext));
        });
        // Static files by middleware rather than MapStaticAssets, whose development fallback endpoint would match every
        // path and turn the APIs' 405 (wrong method) answers into 404.
        app.UseStaticFiles();
        app.UseAntiforgery();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode();
        app.MapPost(DashboardAuthentication.SignOutPath, SignOutAsync)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        app.MapGet("/segments/{id}/members.csv", SegmentMemberEndpoints.ExportMembersAsync)
            .RequireAuthorization(DashboardAuthentication.ViewerPolicy)
            .ExcludeFromDescription();
        return app;
    }

    private static void AddSignIn(IServiceCollection services)
    {
        services.AddAuthentication(DashboardAuthentication.SchemeName)
            .AddCookie(DashboardAuthentication.SchemeName, static options =>
            {
                options.Cookie.Name = DashboardAuthentication.CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.LoginPath = DashboardAuthentication.SignInPath;
                options.LogoutPath = DashboardAuthentication.SignOutPath;
                options.AccessDeniedPath = DashboardAuthentication.AccessDeniedPath;
                options.SlidingExpiration = true;
            });
        services.AddOptions<CookieAuthenticationOptions>(DashboardAuthentication.SchemeName)
            .Configure<IOptions<DashboardOptions>>(static (cookie, dashboard) => cookie.ExpireTimeSpan = dashboard.Value.SessionLifetime);
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardAuthentication.ViewerPolicy, static policy => policy
                .AddAuthenticationSchemes(DashboardAuthentication.SchemeName)
                .RequireRole(DashboardPrincipal.ViewerRole))
            .AddPolicy(DashboardAuthentication.EditorPolicy, static policy => policy
                .AddAuthenticationSchemes(DashboardAuthentication.SchemeName)
                .RequireRole(DashboardPrincipal.EditorRole));
        services.AddCascadingAuthenticationState();
        services.AddScoped<DashboardUser>();
    }

    // Every tracking call reaches the grains through the host's cluster client; counting there leaves the API untouched.
    private static void CountTrackedEvents(IServiceCollection services)
    {
        var client = services.Last(static d => d.ServiceType == typeof(IClusterClient));
        services.Replace(ServiceDescriptor.Singleton<IClusterClient>(sp => new CountingClusterClient(
            (IClusterClient)(client.ImplementationFactory?.Invoke(sp) ?? client.ImplementationInstance!),
            sp.GetRequiredService<TrackedEventCounter>())));
    }

    // The antiforgery middleware validates the token of the form (RequireAntiforgeryToken); a post without a valid one
    // is refused, so that another site cannot sign a marketer out.
    private static async Task SignOutAsync(HttpContext context)
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await context.SignOutAsync(DashboardAuthentication.SchemeName);
        context.Response.Redirect(DashboardAuthentication.SignInPath);
    }
}
