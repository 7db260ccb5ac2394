using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Segmentation.Runtime.Storage;
using Segmentation.Silo.Segments;
using Segmentation.Silo.Sends;
using Segmentation.Silo.Triggers;

namespace Segmentation.Silo.Management;

/// <summary>
/// The management API: <c>/api/customers</c> (profiles, timelines, search), <c>/api/segments</c> (definitions,
/// members, history, preview), <c>/api/sends</c> (the send log, manual retry), <c>/api/triggers</c> (settings) and
/// <c>/api/silo</c> (status and figures) behind <c>Authorization: Bearer &lt;key&gt;</c>, and the OpenAPI document of
/// the silo's HTTP APIs at <c>/openapi/v1.json</c> (served without a key: it holds no data).
/// </summary>
public static class ManagementApiExtensions
{
    /// <summary>The authorization policy of the management endpoints: a valid management API key.</summary>
    public const string PolicyName = "ManagementApiKey";

    /// <summary>
    /// Adds the management API's services: its settings (<c>Segmentation:Management</c>, checked at start), the
    /// Bearer key scheme and policy, the timeline reader, and the OpenAPI document. JSON answers of the host write
    /// enums by name. Needs the silo host and customer profiles; map with <see cref="MapManagementEndpoints"/>.
    /// Safe to call twice.
    /// </summary>
    public static WebApplicationBuilder AddManagementApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(static d => d.ServiceType == typeof(ManagementApiKeyAuthenticator)))
        {
            // Binding twice would add every key twice.
            return builder;
        }

        services.AddOptions<ManagementApiOptions>().BindConfiguration(ManagementApiOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ManagementApiOptions>, ManagementApiOptionsValidator>());
        services.AddSingleton<ManagementApiKeyAuthenticator>();
        services.AddHostedService<ManagementApiKeyReport>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ManagementApiKeyHandler>(ManagementApiKeyHandler.SchemeName, configureOptions: null);
        services.AddAuthorizationBuilder().AddPolicy(PolicyName, static policy => policy
            .AddAuthenticationSchemes(ManagementApiKeyHandler.SchemeName)
            .RequireAuthenticatedUser());

        services.TryAddSingleton<IPartitionLogStorage>(static sp => sp.GetRequiredService<ISiloStorage>());
        services.AddSingleton<CustomerTimelineReader>();
        services.ConfigureHttpJsonOptions(static options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(static options => options
            .AddDocumentTransformer<ManagementOpenApiTransformer>()
            .AddOperationTransformer<ManagementOpenApiTransformer>()
            .AddSchemaTransformer<SegmentRuleJsonSchemaTransformer>());
        return builder;
    }

    /// <summary>
    /// Maps <c>/api/customers</c>, <c>/api/segments</c>, <c>/api/sends</c>, <c>/api/triggers</c>, <c>/api/silo</c> and
    /// <c>/openapi/v1.json</c>, and adds the authentication and authorization middleware there, after the host's request
    /// logging and error handling (call it after <c>UseSegmentationSiloHost</c>), so that a 401 is logged and written as
    /// ProblemDetails like any other answer.
    /// </summary>
    public static WebApplication MapManagementEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();

        var customers = app.MapManagementGroup("/api/customers", "Customers");
        customers.MapGet("/", CustomerEndpoints.SearchCustomersAsync)
            .WithName("SearchCustomers")
            .WithSummary("Find customers by id or email")
            .WithDescription("The customers whose id is the query, or whose email is the query (case-insensitive); an anonymous id merged into a known customer finds that customer.");
        customers.MapGet("/{id}", CustomerEndpoints.GetCustomerAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCustomer")
            .WithSummary("A customer's profile")
            .WithDescription("The whole live profile. An anonymous id merged into a known customer answers with that customer's profile and names the requested id in resolvedFrom.");
        customers.MapGet("/{id}/events", CustomerEndpoints.GetCustomerEventsAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(QueryParameterSchema.Integer("limit", 1, CustomerEndpoints.MaxEventLimit, CustomerEndpoints.DefaultEventLimit))
            .WithName("GetCustomerEvents")
            .WithSummary("A customer's event timeline")
            .WithDescription("The tracking calls of the customer and of the anonymous ids merged into it, newest first, from the partition log (kept for Segmentation:Silo:LogRetention). Page with the opaque 'next' cursor as 'before'.");
        app.MapSegmentEndpoints();
        app.MapSendEndpoints();
        app.MapTriggerEndpoints();
        app.MapSiloStatsEndpoints();
        return app;
    }

    /// <summary>A group of management endpoints: the key policy, the ready filter (503 while recovering) and their answers.</summary>
    internal static RouteGroupBuilder MapManagementGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix)
            .WithTags(tag)
            .RequireAuthorization(PolicyName)
            .AddEndpointFilter<SiloReadyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>An endpoint taking a JSON body of <typeparamref name="TRequest"/>: 400 with field errors, 415 without JSON.</summary>
    internal static RouteHandlerBuilder AcceptsJsonBody<TRequest>(this RouteHandlerBuilder endpoint)
        where TRequest : notnull =>
        endpoint.Accepts<TRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
