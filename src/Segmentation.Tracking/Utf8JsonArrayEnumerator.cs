using System.Text.Json;

namespace Segmentation.Tracking;

/// <summary>The elements of a JSON array's text, in order, read in place (<c>foreach</c> over <see cref="Utf8JsonValue.EnumerateArray"/>).</summary>
public ref struct Utf8JsonArrayEnumerator
{
    private readonly ReadOnlySpan<byte> _json;
    private Utf8JsonReader _reader;
    private int _start;
    private int _length;
    private JsonTokenType _type;
    private bool _escaped;

    internal Utf8JsonArrayEnumerator(ReadOnlySpan<byte> arrayJson)
    {
        _json = arrayJson;
        _reader = new Utf8JsonReader(arrayJson);
        if (!arrayJson.IsEmpty)
        {
            _reader.Read();
        }
    }

    public readonly Utf8JsonValue Current => new(_json.Slice(_start, _length), _type, _escaped);

    public readonly Utf8JsonArrayEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_json.IsEmpty || !_reader.Read() || _reader.TokenType == JsonTokenType.EndArray)
        {
            return false;
        }

        _type = _reader.TokenType;
        Utf8JsonMembers.LocateValue(ref _reader, out _start, out _length, out _escaped);
        return true;
    }
}
