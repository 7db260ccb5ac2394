using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Segmentation.Grains.Customers;
using Segmentation.Runtime.Hosting;
using Segmentation.Tracking;
using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;

namespace Segmentation.Silo.Tracking;

/// <summary>
/// Serves one tracking request: readiness, write key, body (capped, gzip), parse and validation, overload bound,
/// future timestamps, then the durable append. It answers 200 only once every accepted call is durable; a
/// refused request (400, 401, 415, 429, 503) appends nothing.
/// </summary>
/// <remarks>
/// The write key is checked before the body is read when it comes in an <c>Authorization</c> header. A key in the
/// body can only be found by parsing it, so a body that cannot be read as a JSON object at all (oversize, broken
/// gzip, invalid UTF-8, malformed or too deep JSON) is answered 400 before any key is known; a readable body
/// without a valid key is answered 401. When too many events are already pending, a request is answered 429 before
/// its body is read; otherwise its calls are reserved against the bound once they are parsed.
/// </remarks>
internal sealed class TrackingRequestHandler
{
    private readonly RuntimeSilo _silo;
    private readonly CustomerDirectory _customers;
    private readonly TimeProvider _timeProvider;
    private readonly WriteKeyAuthenticator _authenticator;
    private readonly PendingTrackingEvents _pending;
    private readonly ILogger<TrackingRequestHandler> _logger;
    private readonly TrackingRequestParser _parser;
    private readonly int _maxRequestBytes;
    private readonly TimeSpan _retryAfter;
    private readonly TimeSpan _futureTolerance;

    public TrackingRequestHandler(
        RuntimeSilo silo,
        CustomerDirectory customers,
        TimeProvider timeProvider,
        WriteKeyAuthenticator authenticator,
        PendingTrackingEvents pending,
        IOptions<TrackingOptions> options,
        ILogger<TrackingRequestHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _silo = silo;
        _customers = customers;
        _timeProvider = timeProvider;
        _authenticator = authenticator;
        _pending = pending;
        _logger = logger;
        var settings = options.Value;
        _parser = new TrackingRequestParser(settings.Limits);
        _maxRequestBytes = settings.Limits.MaxRequestBytes;
        _retryAfter = settings.RetryAfter;
        _futureTolerance = settings.FutureTimestampTolerance;
    }

    public async Task<Results<Ok<TrackingAcceptedResponse>, ProblemHttpResult>> HandleAsync(
        HttpContext context, TrackingEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var receivedAt = _timeProvider.GetUtcNow();
        if (_silo.Status != SiloStatus.Ready)
        {
            return NotReady(context, endpoint);
        }

        // A header without a user name carries no key: the body may still hold one.
        var headerStatus = BasicAuthorization.TryRead(context.Request.Headers.Authorization, out var headerKey);
        WriteKeyCheck? key = null;
        if (headerStatus != WriteKeyStatus.Missing)
        {
            key = headerStatus == WriteKeyStatus.Valid
                ? _authenticator.Check(headerKey)
                : new WriteKeyCheck(headerStatus, null);
            if (!key.Value.IsValid)
            {
                return Unauthorized(context, endpoint, key.Value.Status);
            }
        }

        if (_pending.IsFull)
        {
            return Overloaded(context, endpoint);
        }

        TrackingParseResult result;
        using (var body = await TrackingBodyReader.ReadAsync(context.Request, _maxRequestBytes, cancellationToken))
        {
            if (body.Error is { } bodyError)
            {
                TrackingLog.RequestRejected(_logger, endpoint, bodyError.Code);
                return TrackingProblems.Invalid(bodyError);
            }

            // The parsed calls own copies of what they keep: the pooled buffer goes back before the append waits.
            result = _parser.Parse(body.Content, endpoint, receivedAt);
        }

        if (key is null)
        {
            if (result.Error is { } error && result.WriteKey is null && IsUnreadable(error))
            {
                TrackingLog.RequestRejected(_logger, endpoint, error.Code);
                return TrackingProblems.Invalid(error);
            }

            key = _authenticator.Check(result.WriteKey);
            if (!key.Value.IsValid)
            {
                return Unauthorized(context, endpoint, key.Value.Status);
            }
        }

        if (result.Error is { } requestError)
        {
            TrackingLog.RequestRejected(_logger, endpoint, requestError.Code);
            return TrackingProblems.Invalid(requestError, endpoint == TrackingEndpoint.Batch ? result.Rejections : null);
        }

        return await AppendAsync(context, endpoint, result, key.Value.SourceName, cancellationToken);
    }

    private async Task<Results<Ok<TrackingAcceptedResponse>, ProblemHttpResult>> AppendAsync(
        HttpContext context, TrackingEndpoint endpoint, TrackingParseResult result, string? source, CancellationToken cancellationToken)
    {
        var messages = FutureTimestamps.ClampAll(result.Accepted, _futureTolerance, out var clamped);
        if (!_pending.TryReserve(messages.Length))
        {
            return Overloaded(context, endpoint);
        }

        if (_pending.LeaveOverload())
        {
            TrackingLog.OverloadCleared(_logger, _pending.Count, _pending.Limit);
        }

        try
        {
            await _customers.AppendAsync(messages, cancellationToken);
        }
        catch (InvalidOperationException) when (_silo.Status is SiloStatus.Stopping or SiloStatus.Stopped)
        {
            // The silo stopped taking appends while this request was read: nothing was appended.
            return NotReady(context, endpoint);
        }
        finally
        {
            _pending.Release(messages.Length);
        }

        if (clamped > 0)
        {
            TrackingLog.FutureTimestampsClamped(_logger, endpoint, clamped, _futureTolerance);
        }

        TrackingLog.RequestAccepted(_logger, endpoint, messages.Length, result.Rejections.Count, source ?? string.Empty);
        return TypedResults.Ok(TrackingAcceptedResponse.For(result));
    }

    /// <summary>Errors that leave the body unread as a JSON object, so that a write key in it cannot be found.</summary>
    private static bool IsUnreadable(TrackingRequestError error) =>
        error.Code is TrackingErrorCodes.InvalidUtf8 or TrackingErrorCodes.MalformedJson or TrackingErrorCodes.JsonTooDeep
            or TrackingErrorCodes.RequestTooLarge
        || (error.Code == TrackingErrorCodes.InvalidFieldType && error.Path == "$");

    private ProblemHttpResult Unauthorized(HttpContext context, TrackingEndpoint endpoint, WriteKeyStatus status)
    {
        TrackingLog.Unauthorized(_logger, endpoint, status);
        return TrackingProblems.Unauthorized(context, status);
    }

    private ProblemHttpResult Overloaded(HttpContext context, TrackingEndpoint endpoint)
    {
        var pending = _pending.Count;
        if (_pending.EnterOverload())
        {
            TrackingLog.Overloaded(_logger, pending, _pending.Limit);
        }

        TrackingLog.RequestOverloaded(_logger, endpoint, pending);
        return TrackingProblems.Overloaded(context, _retryAfter, pending, _pending.Limit);
    }

    private ProblemHttpResult NotReady(HttpContext context, TrackingEndpoint endpoint)
    {
        var status = _silo.Status.ToString();
        TrackingLog.NotReady(_logger, endpoint, status);
        return TrackingProblems.NotReady(context, _retryAfter, status);
    }
}
