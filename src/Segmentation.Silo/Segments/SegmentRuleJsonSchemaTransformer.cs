using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Models;

namespace Segmentation.Silo.Segments;

/// <summary>
/// Describes the <c>ruleJson</c> fields of the segments API in the OpenAPI document: a rule in its JSON form, an
/// object whose <c>kind</c> names the node (held as a <see cref="JsonElement"/>, which would otherwise read as any value).
/// </summary>
internal sealed class SegmentRuleJsonSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (context.JsonPropertyInfo?.Name == SegmentRuleInput.JsonField
            && (context.JsonTypeInfo.Type == typeof(JsonElement) || context.JsonTypeInfo.Type == typeof(JsonElement?)))
        {
            schema.Type = "object";
            schema.Nullable = context.JsonTypeInfo.Type == typeof(JsonElement?);
            schema.Required.Add("kind");
            schema.Description = "A segment rule in its JSON form: nodes with a 'kind' (and, or, not, compare, in, text_match, presence, "
                + "recency, is_true) and their fields, as described in docs/segment-rules.md, \"JSON form\". In a request, give either "
                + "'rule' or 'ruleJson'.";
        }

        return Task.CompletedTask;
    }
}
