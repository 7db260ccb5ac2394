using System.Security.Cryptography;

namespace Segmentation.LoadGenerator.Serialization;

/// <summary>Run ids: the prefix of every message, order, cart and email id of a run, so that runs never collide.</summary>
public static class RunIds
{
    /// <summary>The longest run id (message ids stay well under the 100-character limit).</summary>
    public const int MaxLength = 40;

    /// <summary>What a valid run id looks like.</summary>
    public const string Rule = "A run id is 1 to 40 ASCII letters, digits, '-' or '_'.";

    /// <summary>Whether <paramref name="runId"/> can prefix ids.</summary>
    public static bool IsValid(string? runId) =>
        !string.IsNullOrEmpty(runId) && runId.Length <= MaxLength && runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>A fresh random run id, e.g. <c>lg-5f3a9c1e</c>.</summary>
    public static string NewRunId() => "lg-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
}
