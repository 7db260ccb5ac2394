using System.Globalization;
using System.Text;
using Segmentation.Runtime.Storage;

namespace Segmentation.Storage.Sqlite;

/// <summary>
/// The lock file of a data directory, held open with <see cref="FileShare.None"/> while the store is open
/// (an exclusive <c>flock</c> on Linux, a share-mode lock on Windows), so that a second silo process on the
/// same directory fails fast. The lock dies with the process; the file itself stays (deleting it would let
/// two processes lock two different files of one name).
/// </summary>
internal sealed class StoreDirectoryLock : IDisposable
{
    private readonly FileStream _stream;

    private StoreDirectoryLock(FileStream stream) => _stream = stream;

    /// <exception cref="StorageOpenException">Another process holds the lock, or the file cannot be written.</exception>
    public static StoreDirectoryLock Acquire(string path)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StorageOpenException(
                $"The lock file '{path}' cannot be created or opened: the data directory is not writable by this process.", ex);
        }
        catch (IOException ex) when (IsHeldByAnotherHandle(ex))
        {
            throw new StorageOpenException(
                $"The data directory '{Path.GetDirectoryName(path)}' is in use by another silo process (its lock file " +
                $"'{path}' is held). Stop that silo or give this one another data directory.", ex);
        }
        catch (IOException ex)
        {
            throw new StorageOpenException($"The lock file '{path}' cannot be created: the path is not writable. {ex.Message}", ex);
        }

        try
        {
            var owner = string.Create(
                CultureInfo.InvariantCulture,
                $"pid {Environment.ProcessId} on {Environment.MachineName}, since {DateTimeOffset.UtcNow:O}{Environment.NewLine}");
            stream.SetLength(0);
            stream.Write(Encoding.UTF8.GetBytes(owner));
            stream.Flush();
        }
        catch (IOException ex)
        {
            stream.Dispose();
            throw new StorageOpenException($"The lock file '{path}' is not writable: {ex.Message}", ex);
        }

        return new StoreDirectoryLock(stream);
    }

    public void Dispose() => _stream.Dispose();

    // EWOULDBLOCK from flock (11 on Linux, 35 on macOS), or a sharing or lock violation on Windows.
    private static bool IsHeldByAnotherHandle(IOException ex) =>
        ex.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);
}
