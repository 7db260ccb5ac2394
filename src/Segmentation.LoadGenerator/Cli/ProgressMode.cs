namespace Segmentation.LoadGenerator.Cli;

/// <summary>How a run shows its progress.</summary>
public enum ProgressMode
{
    /// <summary>Live when attached to an interactive terminal, plain lines otherwise.</summary>
    Auto,

    /// <summary>A live Spectre.Console table, redrawn every second.</summary>
    Live,

    /// <summary>One plain line per interval.</summary>
    Plain,

    /// <summary>Nothing until the final report.</summary>
    None,
}
