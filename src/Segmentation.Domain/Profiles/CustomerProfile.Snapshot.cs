using Segmentation.Domain.Profiles.State;
using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles;

/// <summary>The snapshot encoding (see <see cref="CustomerProfileSerializer"/>). Derived data is rebuilt on read, not stored.</summary>
public sealed partial class CustomerProfile
{
    internal void Write(SnapshotWriter writer)
    {
        writer.WriteOptionalKey(_latestKey);
        writer.WriteOptionalLong(_firstSeenTicks);
        writer.WriteOptionalLong(_lastActivityTicks);
        _messageIds.Write(writer);
        _tally.Write(writer);

        writer.WriteOptionalString(_userId);
        writer.WriteOptionalKey(_userIdStamp);
        writer.WriteInt(_anonymousIds.Count);
        foreach (var id in _anonymousIds.Order(StringComparer.Ordinal))
        {
            writer.WriteString(id);
        }

        _traits.Write(writer);
        writer.WriteByte((byte)_consentStatus);
        writer.WriteOptionalString(_consentSource);
        writer.WriteOptionalKey(_consentStamp);
        writer.WriteOptionalLong(_hardBounceTicks);
        writer.WriteInt(_hardBounces);
        writer.WriteInt(_softBounces);
        writer.WriteOptionalLong(_complaintTicks);
        writer.WriteInt(_complaints);
        _engagement.Write(writer);

        _cart.Write(writer);
        writer.WriteInt(_cartAdds.Count);
        foreach (var add in _cartAdds.Items())
        {
            writer.WriteLong(add.Ticks);
        }

        _browsing.Write(writer);
        _sessions.Write(writer);
        _orders.Write(writer);
        _timeline.Write(writer);
    }

    /// <summary>Reads a snapshot of format <paramref name="version"/> (see <see cref="CustomerProfileSerializer.FormatVersion"/>).</summary>
    internal static CustomerProfile Read(SnapshotReader reader, byte version)
    {
        var profile = new CustomerProfile
        {
            _latestKey = reader.ReadOptionalKey(),
            _firstSeenTicks = reader.ReadOptionalLong(),
            _lastActivityTicks = reader.ReadOptionalLong(),
            _messageIds = MessageIdWindow.Read(reader),
            _tally = EventTally.Read(reader),
            _userId = reader.ReadOptionalString(),
            _userIdStamp = reader.ReadOptionalKey(),
        };

        var anonymousIds = reader.ReadCount();
        for (var i = 0; i < anonymousIds; i++)
        {
            profile._anonymousIds.Add(reader.ReadString());
        }

        profile._traits = TraitStore.Read(reader);
        var consent = reader.ReadByte();
        if (consent > (byte)ConsentStatus.Unsubscribed)
        {
            throw new FormatException("The snapshot holds an unknown consent status.");
        }

        profile._consentStatus = (ConsentStatus)consent;
        profile._consentSource = reader.ReadOptionalString();
        profile._consentStamp = reader.ReadOptionalKey();
        profile._hardBounceTicks = reader.ReadOptionalLong();
        profile._hardBounces = reader.ReadInt();
        profile._softBounces = reader.ReadInt();
        profile._complaintTicks = reader.ReadOptionalLong();
        profile._complaints = reader.ReadInt();
        profile._engagement = EngagementState.Read(reader);

        profile._cart = CartLedger.Read(reader);
        var adds = reader.ReadCount();
        for (var i = 0; i < adds; i++)
        {
            profile._cartAdds.Add(new TickEntry(reader.ReadLong()));
        }

        profile._browsing = BrowsingState.Read(reader);
        profile._sessions = SessionTracker.Read(reader);
        profile._orders = OrderBook.Read(reader);
        profile._timeline = version >= 2 ? EventTimeline.Read(reader, setsByNumber: version >= 3) : new EventTimeline();
        profile.Prune();
        return profile;
    }
}
