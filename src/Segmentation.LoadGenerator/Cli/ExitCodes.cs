namespace Segmentation.LoadGenerator.Cli;

/// <summary>The load generator's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Every scheduled event was acknowledged.</summary>
    public const int Success = 0;

    /// <summary>The run finished, but some events were not acknowledged (failed, abandoned or unsent).</summary>
    public const int EventsLost = 1;

    /// <summary>Invalid options, or a target that is not this machine: nothing was sent.</summary>
    public const int Refused = 2;

    /// <summary>Stopped by the user (Ctrl+C) before the schedule ended.</summary>
    public const int Stopped = 130;
}
