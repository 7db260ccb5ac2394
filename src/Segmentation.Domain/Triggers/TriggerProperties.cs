using System.Collections.ObjectModel;

namespace Segmentation.Domain.Triggers;

/// <summary>
/// The trigger-specific values of an occurrence (<see cref="TriggerDue.Properties"/>). Every trigger computes its next
/// occurrence after every event, so the values that repeat (the steps) are shared, read-only instances.
/// </summary>
public static class TriggerProperties
{
    private static readonly IReadOnlyDictionary<string, string> StepOne = Shared("step", "1");
    private static readonly IReadOnlyDictionary<string, string> StepTwo = Shared("step", "2");

    /// <summary><c>step</c> = <paramref name="step"/>.</summary>
    public static IReadOnlyDictionary<string, string> Step(string step) => step switch
    {
        "1" => StepOne,
        "2" => StepTwo,
        _ => One("step", step),
    };

    /// <summary>One value by name.</summary>
    public static IReadOnlyDictionary<string, string> One(string name, string value) => Create(name, value);

    private static ReadOnlyDictionary<string, string> Shared(string name, string value) => new(Create(name, value));

    private static Dictionary<string, string> Create(string name, string value) =>
        new(1, StringComparer.Ordinal) { [name] = value };
}
