using System.Text;
using System.Text.Json;

namespace Segmentation.Runtime.Tests.Grains;

/// <summary>
/// A log-fed grain: its state is the ordered list of what was applied to it. Messages of kind "remind" register a
/// reminder ("name|due ticks|period ticks"), "forget" cancels one, "forward" ("target|text") appends "add" to
/// another ledger, "gate" waits at the probe's gate of that name; reminder firings are recorded in the state too. A record applied with its decoded
/// <see cref="LogRecord.Body"/> is reported to the probe as "body:key:offset".
/// </summary>
[GrainType("ledger")]
public sealed class LedgerGrain(GrainProbe probe) : Grain, IDurableGrain, IRemindable
{
    private List<string> _entries = [];

    public ValueTask<IReadOnlyList<string>> GetEntriesAsync() => ValueTask.FromResult<IReadOnlyList<string>>([.. _entries]);

    public async ValueTask ApplyAsync(LogRecord record, CancellationToken cancellationToken)
    {
        var text = Encoding.UTF8.GetString(record.Payload);
        if (record.Body is not null)
        {
            probe.Record($"body:{GrainId.Key}:{record.Offset}");
        }

        switch (record.Kind)
        {
            case "remind":
                var parts = text.Split('|');
                await RegisterOrUpdateReminderAsync(
                    parts[0],
                    new DateTimeOffset(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero),
                    TimeSpan.FromTicks(long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)),
                    cancellationToken);
                break;
            case "forget":
                await UnregisterReminderAsync(text, cancellationToken);
                break;
            case "gate":
                await probe.WaitAtGateAsync(text);
                break;
            case "forward":
                var target = text[..text.IndexOf('|', StringComparison.Ordinal)];
                AppendDurable(new DurableMessage(
                    new GrainId("ledger", target), "add", Encoding.UTF8.GetBytes(text[(target.Length + 1)..]), record.Time));
                break;
        }

        _entries.Add($"{record.Kind}:{text}");
    }

    public ValueTask ReceiveReminderAsync(ReminderFiring firing, CancellationToken cancellationToken)
    {
        _entries.Add($"fired:{firing.Name}@{firing.DueAt.UtcTicks}");
        probe.Record($"fired:{GrainId.Key}:{firing.Name}:due={firing.DueAt:O}:now={TimeProvider.GetUtcNow():O}");
        return ValueTask.CompletedTask;
    }

    public byte[] WriteSnapshot() => JsonSerializer.SerializeToUtf8Bytes(_entries);

    public void ReadSnapshot(ReadOnlySpan<byte> snapshot) => _entries = JsonSerializer.Deserialize<List<string>>(snapshot) ?? [];
}
