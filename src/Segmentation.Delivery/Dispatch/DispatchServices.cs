using Microsoft.Extensions.Logging;
using Segmentation.Delivery.Outbox;

namespace Segmentation.Delivery.Dispatch;

/// <summary>What every <see cref="SendDispatch"/> of a running dispatcher shares.</summary>
internal sealed record DispatchServices(
    EspEndpoint Endpoint, OutboxDirectory Outbox, ISendGuard Guard, TimeProvider Time, ILogger Logger, CancellationToken Stopping);
