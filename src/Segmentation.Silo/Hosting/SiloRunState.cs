namespace Segmentation.Silo.Hosting;

/// <summary>
/// What went wrong while the host ran, for the exit code. Has no dependencies, so that <c>RunSiloAsync</c> can
/// resolve it even when the settings are invalid.
/// </summary>
internal sealed class SiloRunState
{
    private StartupFailure? _failure;

    /// <summary>The silo's recovery failed; the host was asked to stop.</summary>
    public StartupFailure? Failure => Volatile.Read(ref _failure);

    public void Fail(StartupFailure failure) => Volatile.Write(ref _failure, failure);
}
