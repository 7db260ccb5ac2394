using Segmentation.Domain.Triggers;

namespace Segmentation.Delivery.Sends;

/// <summary>The rules for the text parts of a send (ids, trigger names, occurrence keys, reasons).</summary>
internal static class SendParts
{
    public static string? Check(string? value, string name, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{name} must not be empty.";
        }

        if (value.Length > maxLength)
        {
            return $"{name} must be at most {maxLength} characters; got {value.Length}.";
        }

        return ControlCharacters.In(value) ? $"{name} must not contain control characters." : null;
    }
}
