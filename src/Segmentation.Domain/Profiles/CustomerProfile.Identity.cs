using System.Collections.ObjectModel;
using Segmentation.Domain.Profiles.State;
using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles;

/// <summary>Identity: the user id and the anonymous ids seen for this customer.</summary>
public sealed partial class CustomerProfile
{
    private HashSet<string>? _anonymousIds;
    private string? _userId;
    private EventKey? _userIdStamp;

    /// <summary>The user id (the newest one by event key if several were sent).</summary>
    public string? UserId => _userId;

    /// <summary>The anonymous ids of the messages, and the previous ids of alias calls.</summary>
    public IReadOnlySet<string> AnonymousIds => _anonymousIds is null ? ReadOnlySet<string>.Empty : new ReadOnlySet<string>(_anonymousIds);

    private void ApplyIdentity(ProfileEvent evt)
    {
        var message = evt.Message;
        if (!string.IsNullOrEmpty(message.UserId) && EventKey.IsNewer(evt.Key, _userIdStamp))
        {
            _userId = message.UserId;
            _userIdStamp = evt.Key;
        }

        if (!string.IsNullOrEmpty(message.AnonymousId))
        {
            (_anonymousIds ??= new(StringComparer.Ordinal)).Add(message.AnonymousId);
        }

        if (message.Type == TrackingMessageType.Alias && !string.IsNullOrEmpty(message.PreviousId)
            && !string.Equals(message.PreviousId, message.UserId, StringComparison.Ordinal))
        {
            (_anonymousIds ??= new(StringComparer.Ordinal)).Add(message.PreviousId);
        }
    }
}
