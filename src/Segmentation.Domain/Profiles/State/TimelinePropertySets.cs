using System.Buffers;
using System.Text.Json;
using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// The scalar top-level properties the event timeline keeps per event (at most
/// <see cref="ProfileLimits.TimelinePropertiesPerEvent"/>, the first by name), captured from a call's JSON. Events whose
/// scalar properties are written the same (every view of one product, say) share one captured array, found by that
/// text in a fixed-size cache, so they are neither decoded again nor kept as copies. A text enters the cache the second
/// time it is seen, so sets that never repeat (an order's, a cart change's) neither allocate an entry nor push out the
/// ones that do. A set with a value too long to share (<see cref="SharedStrings.MaxLength"/>) is captured for each
/// event. Arrays are never changed once made.
/// </summary>
internal static class TimelinePropertySets
{
    private const int CacheSlots = 1 << 14;
    private const int MaxKeyBytes = 2048;

    private static readonly RepeatCache<CacheEntry> _captured = new(CacheSlots);

    private static readonly RepeatCache<RestoredEntry> _restored = new(CacheSlots);

    /// <summary>The hash of the empty set.</summary>
    public static int EmptyHash { get; } = ContentHash([]);

    /// <summary>The kept properties of an event and their <see cref="ContentHash"/>.</summary>
    public static (EventProperty[] Properties, int Hash) Capture(Utf8JsonMembers properties)
    {
        var keyLength = 0;
        var shareable = true;
        for (var i = 0; i < properties.Count; i++)
        {
            var value = properties.ValueAt(i);
            if (IsScalar(value))
            {
                keyLength += properties.NameAt(i).RawText.Length + value.RawText.Length + 2;
                shareable &= value.RawText.Length <= SharedStrings.MaxLength;
            }
        }

        if (keyLength == 0)
        {
            return ([], EmptyHash);
        }

        if (keyLength > MaxKeyBytes || !shareable)
        {
            var uncached = Build(properties);
            return (uncached, ContentHash(uncached));
        }

        Span<byte> key = stackalloc byte[keyLength];
        WriteKey(properties, key);
        var keyHash = KeyHash(key);
        if (_captured.Find(keyHash) is { } entry && entry.Key.AsSpan().SequenceEqual(key))
        {
            return (entry.Properties, entry.Hash);
        }

        var built = Build(properties);
        var hash = ContentHash(built);
        if (_captured.SeenBefore(keyHash))
        {
            _captured.Store(keyHash, new CacheEntry(key.ToArray(), built, hash));
        }

        return (built, hash);
    }

    /// <summary>
    /// One shared copy of a set read back from a snapshot (<paramref name="hash"/> its <see cref="ContentHash"/>): an
    /// equal set another restored profile holds is found by its content in a fixed-size cache, so restored profiles
    /// share their sets as the captured ones do. A set enters the cache the second time it is seen, as in
    /// <see cref="Capture"/>.
    /// </summary>
    public static EventProperty[] Share(EventProperty[] properties, int hash)
    {
        if (properties.Length == 0)
        {
            return [];
        }

        if (_restored.Find(hash) is { } entry && entry.Hash == hash && ContentEquals(entry.Properties, properties))
        {
            return entry.Properties;
        }

        if (_restored.SeenBefore(hash))
        {
            _restored.Store(hash, new RestoredEntry(properties, hash));
        }

        return properties;
    }

    /// <summary>A hash of the properties' names and values (within this process), for finding equal sets.</summary>
    public static int ContentHash(ReadOnlySpan<EventProperty> properties)
    {
        var hash = new HashCode();
        foreach (var property in properties)
        {
            hash.Add(property.Name);
            hash.Add(property.Value.Kind);
            hash.Add(property.Value.Text);
        }

        return hash.ToHashCode();
    }

    /// <summary>True when both sets hold the same names and values.</summary>
    public static bool ContentEquals(EventProperty[] left, EventProperty[] right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!string.Equals(left[i].Name, right[i].Name, StringComparison.Ordinal) || left[i].Value.Kind != right[i].Value.Kind
                || !string.Equals(left[i].Value.Text, right[i].Value.Text, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsScalar(Utf8JsonValue value) =>
        value.Kind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    /// <summary>The JSON text of the scalar members, <c>"name":value,</c> each: what the captured set is a function of.</summary>
    private static void WriteKey(Utf8JsonMembers properties, Span<byte> key)
    {
        var position = 0;
        for (var i = 0; i < properties.Count; i++)
        {
            var value = properties.ValueAt(i);
            if (!IsScalar(value))
            {
                continue;
            }

            var name = properties.NameAt(i).RawText;
            name.CopyTo(key[position..]);
            position += name.Length;
            key[position++] = (byte)':';
            value.RawText.CopyTo(key[position..]);
            position += value.RawText.Length;
            key[position++] = (byte)',';
        }
    }

    private static int KeyHash(ReadOnlySpan<byte> key)
    {
        var hash = new HashCode();
        hash.AddBytes(key);
        return hash.ToHashCode();
    }

    private static EventProperty[] Build(Utf8JsonMembers properties)
    {
        var pool = ArrayPool<EventProperty>.Shared;
        var kept = pool.Rent(properties.Count);
        var count = 0;
        for (var i = 0; i < properties.Count; i++)
        {
            var value = properties.ValueAt(i);
            if (!IsScalar(value))
            {
                continue;
            }

            var name = EventFields.SharedText(properties.NameAt(i));
            if (name.Length is 0 or > ProfileLimits.TimelinePropertyNameMaxLength
                || ScalarValue.FromJson(value, shared: true) is not { } scalar || scalar.Text.Length > ProfileLimits.TimelineValueMaxLength)
            {
                continue;
            }

            kept[count++] = new EventProperty(name, scalar);
        }

        var span = kept.AsSpan(0, count);
        span.Sort(static (left, right) => string.CompareOrdinal(left.Name, right.Name));
        var result = span[..Math.Min(count, ProfileLimits.TimelinePropertiesPerEvent)].ToArray();
        pool.Return(kept, clearArray: true);
        return result;
    }

    private sealed record CacheEntry(byte[] Key, EventProperty[] Properties, int Hash);

    private sealed record RestoredEntry(EventProperty[] Properties, int Hash);
}
