using System.Runtime.ExceptionServices;
using Polly;
using Polly.Timeout;
using Segmentation.Delivery.Esp;
using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Dispatch;

/// <summary>
/// One send taken from the outbox, until it is delivered, failed, dead-lettered, skipped or deferred: the guard before
/// every attempt, the limits, the POST, and a durable record of every attempt before the next one starts. A crash
/// before an outcome is recorded leaves the send pending, and the next dispatch posts it again with the same id.
/// </summary>
internal sealed class SendDispatch
{
    private const int MaxUnreachableErrorLength = 300;

    private readonly SendRecord _send;
    private readonly SendIntent _intent;
    private readonly byte[] _body;
    private readonly DispatchServices _services;
    private int _lastNumber;
    private DateTimeOffset _startedAt;

    private SendDispatch(SendRecord send, SendIntent intent, byte[] body, DispatchServices services)
    {
        _send = send;
        _intent = intent;
        _body = body;
        _services = services;
        _lastNumber = send.Attempts.Count == 0 ? 0 : send.Attempts.Max(static a => a.Number);
    }

    private DeliveryOptions Options => _services.Endpoint.Options;

    public static async Task RunAsync(SendRecord send, DispatchServices services)
    {
        if (send.ToIntent() is not { } intent)
        {
            return;
        }

        byte[] body;
        try
        {
            body = services.Endpoint.Adapter.CreateBody(intent);
        }
        catch (EspRequestException exception)
        {
            var now = services.Time.GetUtcNow();
            var number = (send.Attempts.Count == 0 ? 0 : send.Attempts.Max(static a => a.Number)) + 1;
            await RecordAsync(services, send, new SendAttempt(number, now, TimeSpan.Zero, null, exception.Message, SendAttemptOutcome.Failed, null)).ConfigureAwait(false);
            DeliveryLog.Failed(services.Logger, send.SendId, number, "request not built");
            return;
        }

        var dispatch = new SendDispatch(send, intent, body, services);
        var context = ResilienceContextPool.Shared.Get(services.Stopping);
        try
        {
            EspEndpoint.Attach(context, dispatch);
            var outcome = await services.Endpoint.Retry.ExecuteOutcomeAsync(
                static (context, dispatch) => dispatch.AttemptAsync(context.CancellationToken), context, dispatch).ConfigureAwait(false);
            await dispatch.FinishAsync(outcome).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Retry when the attempt failed in a retryable way and this round has attempts left.</summary>
    public bool ShouldRetry(Outcome<EspResult> outcome, int attemptIndex) =>
        !_services.Stopping.IsCancellationRequested
        && outcome.Result is { IsRetryable: true }
        && _send.RoundAttempts + attemptIndex + 1 < Options.MaxAttempts;

    /// <summary>Records the failed attempt and when the next one is due, before Polly waits for it.</summary>
    public async ValueTask OnRetryAsync(Outcome<EspResult> outcome, TimeSpan delay)
    {
        var result = outcome.Result!;
        var now = _services.Time.GetUtcNow();
        var number = await RecordAttemptAsync(result, SendAttemptOutcome.Retrying, now + delay).ConfigureAwait(false);
        DeliveryLog.Retrying(_services.Logger, _send.SendId, number, result.Describe(), now + delay);
    }

    private async ValueTask<Outcome<EspResult>> AttemptAsync(CancellationToken cancellationToken)
    {
        try
        {
            var decision = await _services.Guard.CheckAsync(
                new SendGuardContext(_send, _services.Time.GetUtcNow(), _lastNumber + 1), cancellationToken).ConfigureAwait(false);
            if (decision.Action != SendGuardAction.Allow)
            {
                return Outcome.FromResult(EspResult.Guarded(decision));
            }

            using var lease = await _services.Endpoint.Limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
            _startedAt = _services.Time.GetUtcNow();
            try
            {
                return Outcome.FromResult(await _services.Endpoint.PostAsync(_intent, _body, cancellationToken).ConfigureAwait(false));
            }
            catch (TimeoutRejectedException)
            {
                return Outcome.FromResult(EspResult.TimedOut(Options.RequestTimeout));
            }
            catch (HttpRequestException exception)
            {
                var error = $"{exception.HttpRequestError}: {exception.Message}";
                return Outcome.FromResult(EspResult.Unreachable(error.Length > MaxUnreachableErrorLength ? error[..MaxUnreachableErrorLength] : error));
            }
        }
        catch (Exception exception)
        {
            return Outcome.FromException<EspResult>(exception);
        }
    }

    private async Task FinishAsync(Outcome<EspResult> outcome)
    {
        if (outcome.Exception is { } exception)
        {
            if (exception is OperationCanceledException && _services.Stopping.IsCancellationRequested)
            {
                // Stopping: the attempt in flight is not recorded, so the send is posted again (same id) after the restart.
                return;
            }

            ExceptionDispatchInfo.Throw(exception);
        }

        var result = outcome.Result!;
        var now = _services.Time.GetUtcNow();
        if (result.Guard is { } decision)
        {
            await RecordGuardDecisionAsync(decision, now).ConfigureAwait(false);
            return;
        }

        if (result.IsSuccess)
        {
            var number = await RecordAttemptAsync(result, SendAttemptOutcome.Delivered, null).ConfigureAwait(false);
            DeliveryLog.Delivered(_services.Logger, _send.SendId, number, result.StatusCode!.Value);
        }
        else if (result.IsRetryable)
        {
            var number = await RecordAttemptAsync(result, SendAttemptOutcome.DeadLettered, null).ConfigureAwait(false);
            DeliveryLog.DeadLettered(_services.Logger, _send.SendId, number, result.Describe());
        }
        else
        {
            var number = await RecordAttemptAsync(result, SendAttemptOutcome.Failed, null).ConfigureAwait(false);
            DeliveryLog.Failed(_services.Logger, _send.SendId, number, result.Describe());
        }
    }

    private async Task RecordGuardDecisionAsync(SendGuardDecision decision, DateTimeOffset now)
    {
        if (decision.Action == SendGuardAction.Skip)
        {
            await _services.Outbox.RecordAsync(OutboxMessages.Skip(SendSkip.Of(_intent, now, decision.SkipReason!)), CancellationToken.None).ConfigureAwait(false);
            DeliveryLog.Skipped(_services.Logger, _send.SendId, decision.SkipReason!.Code);
            return;
        }

        var until = decision.Until!.Value > now ? decision.Until.Value : now;
        var deferral = new SendDeferral(now, until, decision.DelayReason!);
        await _services.Outbox.RecordAsync(OutboxMessages.Deferral(_send.CustomerId, _send.SendId, deferral), CancellationToken.None).ConfigureAwait(false);
        DeliveryLog.Deferred(_services.Logger, _send.SendId, until);
    }

    private async Task<int> RecordAttemptAsync(EspResult result, SendAttemptOutcome outcome, DateTimeOffset? retryAt)
    {
        var number = ++_lastNumber;
        var attempt = new SendAttempt(number, _startedAt, _services.Time.GetUtcNow() - _startedAt, result.StatusCode, result.Error, outcome, retryAt);
        await RecordAsync(_services, _send, attempt).ConfigureAwait(false);
        return number;
    }

    // Recorded whatever the stopping token says: an outcome the ESP gave must not be lost to a graceful stop.
    private static Task RecordAsync(DispatchServices services, SendRecord send, SendAttempt attempt) =>
        services.Outbox.RecordAsync(OutboxMessages.Attempt(send.CustomerId, send.SendId, attempt), CancellationToken.None);
}
