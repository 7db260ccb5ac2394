using System.Text;
using Segmentation.Runtime;

namespace Segmentation.Storage.Sqlite;

/// <summary>
/// The grain ids read from the log's type and key columns, one <see cref="GrainId"/> (and one key string) per grain
/// and one type string per grain type: a grain already seen is found from its UTF-8 bytes without allocating, so an
/// index of a million records of a hundred thousand grains holds a hundred thousand keys. Not thread-safe: one per read.
/// </summary>
internal sealed class GrainIdTable
{
    private readonly Utf8StringTable _types = new();
    private readonly Dictionary<string, Dictionary<string, GrainId>> _byType = new(StringComparer.Ordinal);

    public GrainId Get(ReadOnlySpan<byte> typeUtf8, ReadOnlySpan<byte> keyUtf8)
    {
        var type = _types.Get(typeUtf8);
        if (!_byType.TryGetValue(type, out var grains))
        {
            grains = new Dictionary<string, GrainId>(StringComparer.Ordinal);
            _byType.Add(type, grains);
        }

        Span<char> key = keyUtf8.Length <= Utf8StringTable.StackBytes
            ? stackalloc char[keyUtf8.Length]
            : new char[keyUtf8.Length];
        key = key[..Encoding.UTF8.GetChars(keyUtf8, key)];
        var lookup = grains.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(key, out var grainId))
        {
            grainId = new GrainId(type, new string(key));
            grains.Add(grainId.Key, grainId);
        }

        return grainId;
    }
}
