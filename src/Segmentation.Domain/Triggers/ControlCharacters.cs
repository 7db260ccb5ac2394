namespace Segmentation.Domain.Triggers;

/// <summary>
/// Whether text holds control characters (Unicode category Cc, as <see cref="char.IsControl(char)"/>), without
/// allocating: ids and keys are checked on every trigger decision and every send.
/// </summary>
public static class ControlCharacters
{
    public static bool In(ReadOnlySpan<char> value) =>
        value.IndexOfAnyInRange('\u0000', '\u001f') >= 0 || value.IndexOfAnyInRange('\u007f', '\u009f') >= 0;
}
