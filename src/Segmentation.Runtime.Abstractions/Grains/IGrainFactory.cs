namespace Segmentation.Runtime;

/// <summary>Gets references to grains; like Orleans' <c>IGrainFactory</c>. A reference is cheap and never activates anything by itself.</summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain of type <typeparamref name="TGrain"/> with this key.</summary>
    /// <exception cref="UnknownGrainTypeException">The grain class was not registered with the silo.</exception>
    /// <exception cref="ArgumentException">The key is empty or longer than <see cref="GrainId.MaxKeyLength"/>.</exception>
    GrainReference<TGrain> GetGrain<TGrain>(string key)
        where TGrain : Grain;
}
