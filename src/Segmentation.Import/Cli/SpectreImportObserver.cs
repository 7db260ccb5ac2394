using Segmentation.Import.Orders;
using Segmentation.Import.Sending;
using Spectre.Console;

namespace Segmentation.Import.Cli;

/// <summary>Shows an import's progress as Spectre.Console progress bars: reading (by bytes) and sending (by events).</summary>
internal sealed class SpectreImportObserver : IImportObserver
{
    private readonly ProgressContext _context;
    private readonly bool _dryRun;
    private readonly ProgressTask _reading;
    private ProgressTask? _sending;

    public SpectreImportObserver(ProgressContext context, bool dryRun)
    {
        _context = context;
        _dryRun = dryRun;
        _reading = context.AddTask("Reading", autoStart: true, maxValue: 1);
        _reading.State.Update<int>(RateColumn.UnitKey, _ => 0);
    }

    public void OnReading(ReadProgress progress)
    {
        _reading.State.Update<double>(RateColumn.CountKey, _ => progress.RowsRead);
        if (progress.TotalBytes is { } total and > 0)
        {
            _reading.MaxValue = total;
            _reading.Value = Math.Min(progress.BytesRead, total);
        }
    }

    public void OnConverted(ImportPlan plan, int eventCount)
    {
        _reading.State.Update<double>(RateColumn.CountKey, _ => plan.RowsRead);
        _reading.Value = _reading.MaxValue;
        _reading.StopTask();
        if (!_dryRun)
        {
            _sending = _context.AddTask("Sending", autoStart: true, maxValue: Math.Max(eventCount, 1));
            _sending.State.Update<int>(RateColumn.UnitKey, _ => 1);
            if (eventCount == 0)
            {
                _sending.Value = 1;
                _sending.StopTask();
            }
        }
    }

    public void OnSending(SendProgress progress)
    {
        if (_sending is null)
        {
            return;
        }

        _sending.State.Update<double>(RateColumn.CountKey, _ => progress.Sent + progress.Failed);
        _sending.Value = progress.Sent + progress.Failed;
        if (progress.Sent + progress.Failed >= progress.Total)
        {
            _sending.StopTask();
        }
    }
}
