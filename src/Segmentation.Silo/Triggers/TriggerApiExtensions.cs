using Segmentation.Domain.Triggers.Settings;
using Segmentation.Silo.Management;

namespace Segmentation.Silo.Triggers;

/// <summary>
/// The triggers part of the management API, <c>/api/triggers</c>, over <see cref="Grains.Triggers.TriggerDirectory"/>:
/// the catalog with the settings in force and the guardrails, one trigger, its edits, and edits. Same key, ready filter
/// and ProblemDetails answers as the rest of <c>/api</c>.
/// </summary>
internal static class TriggerApiExtensions
{
    /// <summary>Maps <c>/api/triggers</c>; called by <see cref="ManagementApiExtensions.MapManagementEndpoints"/>.</summary>
    public static void MapTriggerEndpoints(this IEndpointRouteBuilder app)
    {
        var triggers = app.MapManagementGroup("/api/triggers", "Triggers");
        triggers.MapGet("/", TriggerEndpoints.ListTriggersAsync)
            .WithName("ListTriggers")
            .WithSummary("Every trigger and the guardrails")
            .WithDescription("The six triggers in catalog order with the settings in force (configured, or the latest edit: when and by which key), and the guardrails every send passes (frequency cap, quiet hours, default time zone).");
        triggers.MapGet("/{name}", TriggerEndpoints.GetTriggerAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetTrigger")
            .WithSummary("A trigger");
        triggers.MapGet("/{name}/changes", TriggerEndpoints.GetTriggerChangesAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetTriggerChanges")
            .WithSummary("A trigger's edits")
            .WithDescription("Who changed the trigger's settings, when, and to what; newest first.");
        triggers.MapPut("/{name}", TriggerEndpoints.UpdateTriggerAsync)
            .AcceptsJsonBody<TriggerSettings>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("UpdateTrigger")
            .WithSummary("Edit a trigger")
            .WithDescription("Fields of the body replace the trigger's settings in force; fields left out keep their values. The edit replaces the configured settings, is stored with the key that made it, and applies from each customer's next record or reminder. Every invalid setting is listed by field in a 400 and nothing is saved.");
    }
}
