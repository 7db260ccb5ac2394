using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Segmentation.Tracking;

namespace Segmentation.Silo.Tracking;

/// <summary>
/// The error answers of the tracking API, as ProblemDetails with a stable <c>code</c> extension (one of
/// <see cref="TrackingErrorCodes"/> or <see cref="TrackingHttpErrorCodes"/>). Messages name fields, never values.
/// </summary>
internal static class TrackingProblems
{
    private const string AuthenticateChallenge = "Basic realm=\"tracking\", charset=\"UTF-8\"";

    /// <summary>400 (415 for an unsupported content encoding): the request is refused whole; nothing was applied.</summary>
    public static ProblemHttpResult Invalid(TrackingRequestError error, IReadOnlyList<TrackingItemRejection>? rejected = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Path is not null)
        {
            extensions["path"] = error.Path;
        }

        if (rejected is { Count: > 0 })
        {
            extensions["rejected"] = rejected;
        }

        var status = error.Code == TrackingHttpErrorCodes.UnsupportedContentEncoding
            ? StatusCodes.Status415UnsupportedMediaType
            : StatusCodes.Status400BadRequest;
        return TypedResults.Problem(error.Message, statusCode: status, title: "Invalid tracking request", extensions: extensions);
    }

    /// <summary>401 with a Basic challenge.</summary>
    public static ProblemHttpResult Unauthorized(HttpContext context, WriteKeyStatus status)
    {
        var (code, detail) = status switch
        {
            WriteKeyStatus.Unknown => (TrackingHttpErrorCodes.InvalidWriteKey, "The write key is not valid."),
            WriteKeyStatus.Revoked => (TrackingHttpErrorCodes.RevokedWriteKey, "The write key has been revoked."),
            WriteKeyStatus.MalformedAuthorization => (
                TrackingHttpErrorCodes.InvalidAuthorization,
                "The Authorization header must be HTTP Basic with the write key as user name and an empty password."),
            _ => (
                TrackingHttpErrorCodes.MissingWriteKey,
                "No write key: send it as the HTTP Basic user name (empty password) or as \"writeKey\" in the JSON body."),
        };
        context.Response.Headers.WWWAuthenticate = AuthenticateChallenge;
        return TypedResults.Problem(
            detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", extensions: Code(code));
    }

    /// <summary>429 with Retry-After: too many events wait for durable storage.</summary>
    public static ProblemHttpResult Overloaded(HttpContext context, TimeSpan retryAfter, long pending, int limit)
    {
        var seconds = SetRetryAfter(context, retryAfter);
        return TypedResults.Problem(
            $"{pending} events are waiting to be stored (limit {limit}); retry after {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many pending events",
            extensions: Code(TrackingHttpErrorCodes.Overloaded));
    }

    /// <summary>503 with Retry-After: the silo is recovering or stopping.</summary>
    public static ProblemHttpResult NotReady(HttpContext context, TimeSpan retryAfter, string status)
    {
        var seconds = SetRetryAfter(context, retryAfter);
        return TypedResults.Problem(
            $"The silo is {status.ToLowerInvariant()} and accepts no events now; retry after {seconds} seconds.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Silo not ready",
            extensions: Code(TrackingHttpErrorCodes.NotReady));
    }

    private static long SetRetryAfter(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    private static Dictionary<string, object?> Code(string code) => new() { ["code"] = code };
}
