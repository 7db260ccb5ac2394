using Segmentation.Import.Orders;
using Segmentation.Import.Sending;

namespace Segmentation.Import;

/// <summary>Follows an import as it runs (a progress display, a log). Called on the import's thread; keep it quick.</summary>
public interface IImportObserver
{
    /// <summary>Rows are being read.</summary>
    void OnReading(ReadProgress progress);

    /// <summary>The file has been read and converted; sending starts next (unless it is a dry run).</summary>
    void OnConverted(ImportPlan plan, int eventCount);

    /// <summary>A batch has been sent.</summary>
    void OnSending(SendProgress progress);
}
