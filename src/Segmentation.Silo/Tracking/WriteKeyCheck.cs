namespace Segmentation.Silo.Tracking;

/// <summary>Whether a write key may send, and which source it belongs to.</summary>
/// <param name="Status">The outcome.</param>
/// <param name="SourceName">The configured <see cref="TrackingWriteKey.Name"/> of a valid or revoked key, else null.</param>
internal readonly record struct WriteKeyCheck(WriteKeyStatus Status, string? SourceName)
{
    public bool IsValid => Status == WriteKeyStatus.Valid;
}
