namespace Segmentation.Domain.Profiles.State;

/// <summary>A trait's JSON text, its text when it is a JSON string or number, and the event that wrote it.</summary>
/// <remarks><c>Scalar</c> is derived from the JSON text once, for cheap reads by rules.</remarks>
internal sealed record TraitValue(string Json, string? Text, EventKey Stamp)
{
    public ScalarValue? Scalar { get; } = ScalarValue.FromJsonText(Json);
}
