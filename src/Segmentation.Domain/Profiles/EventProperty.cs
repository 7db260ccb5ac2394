namespace Segmentation.Domain.Profiles;

/// <summary>One scalar top-level property of a tracked event, as kept on the event timeline.</summary>
public readonly record struct EventProperty(string Name, ScalarValue Value);
