using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Models;

namespace Segmentation.Silo.Management;

/// <summary>
/// Describes the document (title) and the management API's Bearer key scheme, marks the operations that need it, and
/// gives query parameters read as text their real schema (<see cref="QueryParameterSchema"/>). The document itself is
/// served without a key: it holds no data.
/// </summary>
internal sealed class ManagementOpenApiTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private static readonly OpenApiSecurityScheme Scheme = new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        Description = "A management API key from Segmentation:Management:ApiKeys, sent as 'Authorization: Bearer <key>'.",
        Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = ManagementApiKeyHandler.SchemeName },
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "Segmentation silo";
        document.Info.Description =
            "Customer profiles, timelines and search, and segments (definitions, members, history, preview) under /api "
            + "(management key required), and the Segment-compatible tracking API under /v1.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes[ManagementApiKeyHandler.SchemeName] = Scheme;
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var needsKey = context.Description.ActionDescriptor.EndpointMetadata
            .OfType<IAuthorizeData>()
            .Any(static data => data.Policy == ManagementApiExtensions.PolicyName);
        if (needsKey)
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [Scheme] = [] });
        }

        foreach (var query in context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameterSchema>())
        {
            if (operation.Parameters?.FirstOrDefault(p => p.Name == query.Name) is { } parameter)
            {
                parameter.Schema = query.CreateSchema();
            }
        }

        return Task.CompletedTask;
    }
}
