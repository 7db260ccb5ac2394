namespace Segmentation.Runtime;

/// <summary>A grain type was asked for that the silo does not know.</summary>
public sealed class UnknownGrainTypeException : Exception
{
    public UnknownGrainTypeException(string grainType)
        : base($"Unknown grain type '{grainType}': register the grain class with AddGrain<T>() on the silo.")
    {
        GrainType = grainType;
    }

    public string GrainType { get; }
}
