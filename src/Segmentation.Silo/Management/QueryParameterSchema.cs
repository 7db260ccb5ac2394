using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace Segmentation.Silo.Management;

/// <summary>
/// Endpoint metadata: the OpenAPI schema of a query parameter that its handler reads as text (so that a bad value is a
/// 400 with a precise message in every environment) but that takes a number or one of a few words.
/// <see cref="ManagementOpenApiTransformer"/> puts it on the operation.
/// </summary>
internal sealed class QueryParameterSchema
{
    private readonly Func<OpenApiSchema> _create;

    private QueryParameterSchema(string name, Func<OpenApiSchema> create)
    {
        Name = name;
        _create = create;
    }

    public string Name { get; }

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, <paramref name="defaultValue"/> when not given.</summary>
    public static QueryParameterSchema Integer(string name, int minimum, int maximum, int defaultValue) => new(name, () => new OpenApiSchema
    {
        Type = "integer",
        Format = "int32",
        Minimum = minimum,
        Maximum = maximum,
        Default = new OpenApiInteger(defaultValue),
    });

    /// <summary>One of <paramref name="values"/>, the first when not given.</summary>
    public static QueryParameterSchema Choice(string name, params string[] values) => new(name, () => new OpenApiSchema
    {
        Type = "string",
        Enum = [.. values.Select(static value => (IOpenApiAny)new OpenApiString(value))],
        Default = new OpenApiString(values[0]),
    });

    /// <summary>A new schema object (the document must not share one between operations it may change).</summary>
    public OpenApiSchema CreateSchema() => _create();
}
