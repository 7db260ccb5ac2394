namespace Segmentation.Performance.Cli;

/// <summary>The tool's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>The run finished and wrote its report (targets may still be missed: the report says which).</summary>
    public const int Success = 0;

    /// <summary>The run failed on the way (a process died, a service did not answer): the message says where.</summary>
    public const int Failed = 1;

    /// <summary>Invalid options, or something the run needs is missing: nothing was started.</summary>
    public const int Refused = 2;
}
