namespace Segmentation.Grains.Indexing;

/// <summary>
/// To the email index shard of <see cref="Email"/>: the customer now has (or no longer has) this email.
/// <see cref="Version"/> is the customer's log offset, so replays and reordering change nothing.
/// </summary>
internal sealed record EmailUpdate(string CustomerId, long Version, string Email, bool Present)
{
    public byte[] Encode()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(CustomerId);
            writer.Write(Version);
            writer.Write(Email);
            writer.Write(Present);
        }

        return buffer.ToArray();
    }

    public static EmailUpdate Decode(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload));
        return new EmailUpdate(reader.ReadString(), reader.ReadInt64(), reader.ReadString(), reader.ReadBoolean());
    }

    /// <summary>Emails are looked up case-insensitively and without surrounding blanks.</summary>
    public static string? Normalize(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
}
