using Microsoft.AspNetCore.Components;
using Segmentation.Silo.Dashboard.Live;

namespace Segmentation.Silo.Dashboard.Components;

/// <summary>
/// A page that shows live figures: it renders from the latest <see cref="DashboardSnapshot"/> and what
/// <see cref="RefreshAsync"/> loads, and once interactive does both again with every new snapshot the
/// <see cref="DashboardPulse"/> pushes, until it is disposed.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private bool _subscribed;

    protected DashboardSnapshot? Snapshot { get; private set; }

    [Inject]
    private DashboardPulse Pulse { get; set; } = default!;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected override async Task OnInitializedAsync() => Snapshot = await Pulse.CurrentAsync();

    protected override Task OnParametersSetAsync() => RefreshAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        // Only an interactive render reaches here; a prerendered page never subscribes.
        if (firstRender)
        {
            Pulse.Updated += OnUpdated;
            _subscribed = true;
        }
    }

    /// <summary>Loads what the page shows beyond the snapshot: when its parameters are set and with every new snapshot.</summary>
    protected virtual Task RefreshAsync() => Task.CompletedTask;

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _subscribed)
        {
            Pulse.Updated -= OnUpdated;
            _subscribed = false;
        }
    }

    private void OnUpdated(DashboardSnapshot snapshot) => _ = UpdateAsync(snapshot);

    private async Task UpdateAsync(DashboardSnapshot snapshot)
    {
        try
        {
            await InvokeAsync(async () =>
            {
                Snapshot = snapshot;
                await RefreshAsync();
                StateHasChanged();
            });
        }
        catch (Exception exception)
        {
            // Shown by the page's error boundary, like an exception of any other event handler.
            await DispatchExceptionAsync(exception);
        }
    }
}
