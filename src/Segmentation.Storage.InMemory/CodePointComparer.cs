namespace Segmentation.Storage.InMemory;

/// <summary>
/// Orders strings by Unicode code point, which is the order of their UTF-8 bytes and so the order of SQLite's
/// BINARY collation. Plain ordinal comparison of UTF-16 code units differs from it only where a character
/// outside the Basic Multilingual Plane meets one in U+E000..U+FFFF.
/// </summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    private CodePointComparer()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return SortKey(x[i]).CompareTo(SortKey(y[i]));
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    // Moves surrogates (which encode code points above U+FFFF) after U+E000..U+FFFF, keeping every other order.
    private static int SortKey(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' => c + 0x2000,
        _ => c,
    };
}
