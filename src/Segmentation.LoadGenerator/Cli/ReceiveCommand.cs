using System.CommandLine;
using System.Globalization;
using Segmentation.LoadGenerator.Receiving;

namespace Segmentation.LoadGenerator.Cli;

/// <summary>The <c>receive</c> command: runs an <see cref="AcknowledgingReceiver"/> until Ctrl+C.</summary>
internal static class ReceiveCommand
{
    public static Command Create(TextWriter output)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to listen on.", DefaultValueFactory = _ => 5081 };
        var throttleEvery = new Option<int>("--throttle-every")
        {
            Description = "Answer every n-th request 429 with Retry-After (0: never).",
            DefaultValueFactory = _ => 0,
        };
        var retryAfter = new Option<int>("--retry-after") { Description = "Retry-After seconds of those 429s.", DefaultValueFactory = _ => 1 };
        var command = new Command("receive", "Run a stand-in silo on 127.0.0.1 that acknowledges every batch, to measure the generator alone.")
        {
            port, throttleEvery, retryAfter,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var receiver = await AcknowledgingReceiver.StartAsync(
                parse.GetValue(port), parse.GetValue(throttleEvery), parse.GetValue(retryAfter), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Acknowledging batches at {receiver.BaseUrl}v1/batch; Ctrl+C to stop.").ConfigureAwait(false);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, receiver.Stopping);
            long lastEvents = 0;
            try
            {
                while (true)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop.Token).ConfigureAwait(false);
                    var events = receiver.Events;
                    if (events != lastEvents)
                    {
                        await output.WriteLineAsync(string.Create(
                            CultureInfo.InvariantCulture,
                            $"{events - lastEvents:N0} events/s; total {receiver.Requests:N0} requests, {events:N0} events, {receiver.Throttled:N0} answered 429")).ConfigureAwait(false);
                        lastEvents = events;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
