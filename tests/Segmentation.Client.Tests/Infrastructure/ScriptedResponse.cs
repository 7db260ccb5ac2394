namespace Segmentation.Client.Tests.Infrastructure;

/// <summary>What <see cref="TestReceiver"/> answers to one request.</summary>
public sealed record ScriptedResponse(int StatusCode, string? Body = null, string? RetryAfter = null, bool Hang = false)
{
    public static ScriptedResponse Ok { get; } = new(200, """{"success":true}""");

    /// <summary>Never answers; the request ends when the client gives up on it.</summary>
    public static ScriptedResponse NoAnswer { get; } = new(0, Hang: true);

    public static ScriptedResponse Status(int statusCode, string? body = null) => new(statusCode, body);
}
