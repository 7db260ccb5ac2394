namespace Segmentation.Domain.Profiles.State;

/// <summary>A trait's JSON text, its text when it is a JSON string or number, and the event that wrote it.</summary>
internal sealed record TraitValue(string Json, string? Text, EventKey Stamp);
