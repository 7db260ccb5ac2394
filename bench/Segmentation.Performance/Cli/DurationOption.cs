using System.CommandLine;
using System.CommandLine.Parsing;
using Segmentation.LoadGenerator.Cli;

namespace Segmentation.Performance.Cli;

/// <summary>Options holding a duration in the load generator's notation (<c>10s</c>, <c>2m</c>, <c>1m30s</c>, <c>00:01:00</c>).</summary>
internal static class DurationOption
{
    /// <summary>An optional duration: null when not given.</summary>
    public static Option<TimeSpan?> Create(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = Parse,
    };

    private static TimeSpan? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (DurationParser.TryParse(text, out var value))
        {
            return value;
        }

        result.AddError($"'{text}' is not a duration (e.g. 500ms, 10s, 2m, 1m30s, 00:01:00).");
        return null;
    }
}
