namespace Segmentation.Runtime.Storage;

/// <summary>The silo's storage cannot be opened; the message says what is wrong and where. The silo must not start.</summary>
public sealed class StorageOpenException : Exception
{
    public StorageOpenException(string message)
        : base(message)
    {
    }

    public StorageOpenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
