using Segmentation.Runtime;

namespace Segmentation.Storage.Sqlite;

/// <summary>
/// The grain ids read from the log's type and key columns, one <see cref="GrainId"/> (and one key string) per grain
/// and one type string per grain type: a grain already seen is found from its UTF-8 bytes without allocating, so an
/// index of a million records of a hundred thousand grains holds a hundred thousand keys. Not thread-safe: one per read.
/// </summary>
internal sealed class GrainIdTable
{
    private readonly Utf8Table<string> _types = new(static type => type);
    private readonly Dictionary<string, Utf8Table<GrainId>> _byType = new(StringComparer.Ordinal);

    public GrainId Get(ReadOnlySpan<byte> typeUtf8, ReadOnlySpan<byte> keyUtf8)
    {
        var type = _types.Get(typeUtf8);
        if (!_byType.TryGetValue(type, out var grains))
        {
            grains = new Utf8Table<GrainId>(key => new GrainId(type, key));
            _byType.Add(type, grains);
        }

        return grains.Get(keyUtf8);
    }
}
