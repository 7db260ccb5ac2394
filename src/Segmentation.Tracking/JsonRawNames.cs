using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Segmentation.Tracking;

/// <summary>
/// The UTF-8 bytes of a property name without allocating a string, for the hot loop's field dispatch and
/// duplicate-name checks. Names with escapes are left to the caller's slow path (<see cref="JsonProperty.Name"/>).
/// </summary>
internal static class JsonRawNames
{
    /// <summary>
    /// Gets the name of <paramref name="property"/>, a property of the object whose raw JSON is
    /// <paramref name="objectJson"/> (from <see cref="JsonMarshal.GetRawUtf8Value"/> of that object).
    /// </summary>
    /// <returns>False when the name holds an escape (or cannot be located); then use <see cref="JsonProperty.Name"/>.</returns>
    public static bool TryGetPlainName(ReadOnlySpan<byte> objectJson, JsonProperty property, out ReadOnlySpan<byte> name)
    {
#if NET10_0_OR_GREATER
        name = JsonMarshal.GetRawUtf8PropertyName(property);
        return name.IndexOf((byte)'\\') < 0;
#else
        // Before .NET 10 there is no public accessor for the raw name, but it sits right before the value in the
        // same buffer: `"name" : value`. Locate the value inside the object's JSON, then walk back over the colon.
        name = default;
        var value = JsonMarshal.GetRawUtf8Value(property.Value);
        var offset = Unsafe.ByteOffset(ref MemoryMarshal.GetReference(objectJson), ref MemoryMarshal.GetReference(value));
        if (offset <= 0 || offset >= objectJson.Length)
        {
            return false;
        }

        var i = (int)offset - 1;
        while (i > 0 && IsWhitespace(objectJson[i]))
        {
            i--;
        }

        if (objectJson[i] != (byte)':')
        {
            return false;
        }

        i--;
        while (i > 0 && IsWhitespace(objectJson[i]))
        {
            i--;
        }

        var closingQuote = i;
        var openingQuote = closingQuote > 0 ? objectJson[..closingQuote].LastIndexOf((byte)'"') : -1;
        if (objectJson[closingQuote] != (byte)'"' || openingQuote < 1 || objectJson[openingQuote - 1] == (byte)'\\')
        {
            // Not where JSON puts a name, or an escaped quote inside the name.
            return false;
        }

        name = objectJson[(openingQuote + 1)..closingQuote];
        return name.IndexOf((byte)'\\') < 0;
#endif
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';
}
