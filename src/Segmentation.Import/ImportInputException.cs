namespace Segmentation.Import;

/// <summary>
/// The input cannot be imported as asked (a missing column, an unknown option value, a refused format). The
/// message says what is wrong and how to fix it; it never contains row contents.
/// </summary>
public sealed class ImportInputException : Exception
{
    public ImportInputException()
    {
    }

    public ImportInputException(string message)
        : base(message)
    {
    }

    public ImportInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
