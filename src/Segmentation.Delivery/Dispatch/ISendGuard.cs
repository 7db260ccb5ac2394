namespace Segmentation.Delivery.Dispatch;

/// <summary>
/// The guardrails checked again just before every attempt (the triggers check them first when the reminder fires):
/// consent and suppression, the frequency cap, quiet hours in the customer's time zone (a delay, never a drop) and the
/// trigger's condition. The dispatcher records a skip with the reason or defers the send accordingly. It posts at
/// most one send per customer at a time, so a frequency count read from <see cref="Outbox.OutboxDirectory.GetCustomerSendsAsync"/>
/// is exact. Pick the implementation with <c>UseSendGuard&lt;T&gt;()</c>; the default allows everything.
/// An exception leaves the send pending, to be tried again after <see cref="DeliveryOptions.RetryDelay"/>.
/// </summary>
public interface ISendGuard
{
    ValueTask<SendGuardDecision> CheckAsync(SendGuardContext context, CancellationToken cancellationToken);
}
