namespace Segmentation.Silo.Dashboard.Components.Pages.Triggers;

/// <summary>A trigger as the dashboard presents it: its title, when it sends, and its settings in the order shown.</summary>
/// <param name="Name">The trigger's name (<c>cart_abandonment</c>).</param>
/// <param name="Title">"Cart abandonment".</param>
/// <param name="Summary">When it sends, in one sentence.</param>
/// <param name="Fields">Its settings besides <c>Enabled</c>, in the order shown.</param>
public sealed record TriggerDescription(string Name, string Title, string Summary, IReadOnlyList<TriggerField> Fields)
{
    /// <summary>The field of the settings property <paramref name="name"/>; null when the form has none (e.g. <c>Trigger</c>).</summary>
    public TriggerField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
