namespace Segmentation.Runtime.Tests.Grains;

/// <summary>A grain whose state lives in grain storage with an etag.</summary>
[GrainType("notes")]
public sealed class NotesGrain : Grain
{
    private IPersistentState<Notes> _notes = null!;

    public override async ValueTask OnActivateAsync(CancellationToken cancellationToken)
    {
        _notes = GetPersistentState<Notes>("notes");
        await _notes.ReadStateAsync(cancellationToken);
    }

    public async ValueTask<string?> AddAsync(string line)
    {
        _notes.State.Lines.Add(line);
        await _notes.WriteStateAsync();
        return _notes.Etag;
    }

    public ValueTask<IReadOnlyList<string>> GetAsync() => ValueTask.FromResult<IReadOnlyList<string>>([.. _notes.State.Lines]);
}
