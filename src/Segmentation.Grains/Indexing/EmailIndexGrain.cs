using Segmentation.Runtime;

namespace Segmentation.Grains.Indexing;

/// <summary>
/// One shard of the email index: which customers have an email, for lookups by email. Log-fed, so it survives
/// restarts; each (email, customer) pair keeps the version of its last change, so replays change nothing.
/// </summary>
[GrainType("email-index")]
public sealed class EmailIndexGrain : Grain, IDurableGrain
{
    private Dictionary<string, Dictionary<string, (long Version, bool Present)>> _byEmail = new(StringComparer.Ordinal);

    public static GrainId IdOf(string shard) => new("email-index", shard);

    public ValueTask ApplyAsync(LogRecord record, CancellationToken cancellationToken)
    {
        var update = EmailUpdate.Decode(record.Payload);
        if (!_byEmail.TryGetValue(update.Email, out var customers))
        {
            customers = new Dictionary<string, (long, bool)>(StringComparer.Ordinal);
            _byEmail.Add(update.Email, customers);
        }

        if (!customers.TryGetValue(update.CustomerId, out var current) || current.Version < update.Version)
        {
            customers[update.CustomerId] = (update.Version, update.Present);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The customers that have this email now, in id order.</summary>
    public ValueTask<IReadOnlyList<string>> FindAsync(string normalizedEmail)
    {
        IReadOnlyList<string> found = _byEmail.TryGetValue(normalizedEmail, out var customers)
            ? [.. customers.Where(static c => c.Value.Present).Select(static c => c.Key).Order(StringComparer.Ordinal)]
            : [];
        return ValueTask.FromResult(found);
    }

    public byte[] WriteSnapshot()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(_byEmail.Count);
            foreach (var (email, customers) in _byEmail)
            {
                writer.Write(email);
                writer.Write(customers.Count);
                foreach (var (customer, (version, present)) in customers)
                {
                    writer.Write(customer);
                    writer.Write(version);
                    writer.Write(present);
                }
            }
        }

        return buffer.ToArray();
    }

    public void ReadSnapshot(ReadOnlySpan<byte> snapshot)
    {
        using var reader = new BinaryReader(new MemoryStream(snapshot.ToArray()));
        var emails = reader.ReadInt32();
        _byEmail = new Dictionary<string, Dictionary<string, (long, bool)>>(emails, StringComparer.Ordinal);
        for (var i = 0; i < emails; i++)
        {
            var email = reader.ReadString();
            var count = reader.ReadInt32();
            var customers = new Dictionary<string, (long, bool)>(count, StringComparer.Ordinal);
            for (var j = 0; j < count; j++)
            {
                customers.Add(reader.ReadString(), (reader.ReadInt64(), reader.ReadBoolean()));
            }

            _byEmail.Add(email, customers);
        }
    }
}
