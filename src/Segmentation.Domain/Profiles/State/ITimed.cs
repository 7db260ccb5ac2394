namespace Segmentation.Domain.Profiles.State;

/// <summary>An entry of a time-ordered buffer: its UTC ticks.</summary>
internal interface ITimed
{
    long Ticks { get; }
}
