using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Segmentation.Silo.Health;

/// <summary>
/// Writes a health report as a small JSON object: the overall status and each check's description, e.g.
/// <c>{"status":"Unhealthy","checks":{"silo":"Recovering"}}</c>. Never exception text.
/// </summary>
internal static class HealthResponseWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("status", report.Status.ToString());
        writer.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            writer.WriteString(name, entry.Description ?? entry.Status.ToString());
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
