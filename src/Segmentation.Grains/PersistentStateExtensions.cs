using Segmentation.Runtime;

namespace Segmentation.Grains;

public static class PersistentStateExtensions
{
    /// <summary>
    /// Makes <paramref name="next"/> the state and writes it to grain storage (from grain code: it stays on the turn); when
    /// the write fails the previous state stays (in memory as in storage) and the failure is thrown.
    /// </summary>
    public static async Task ReplaceAsync<TState>(this IPersistentState<TState> state, TState next, CancellationToken cancellationToken = default)
        where TState : new()
    {
        ArgumentNullException.ThrowIfNull(state);
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }
}
