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
        MessageIds.Write(writer);
        Tally.Write(writer);

        writer.WriteOptionalString(_userId);
        writer.WriteOptionalKey(_userIdStamp);
        writer.WriteInt(_anonymousIds?.Count ?? 0);
        foreach (var id in AnonymousIds.Order(StringComparer.Ordinal))
        {
            writer.WriteString(id);
        }

        Traits.Write(writer);
        writer.WriteByte((byte)_consentStatus);
        writer.WriteOptionalString(_consentSource);
        writer.WriteOptionalKey(_consentStamp);
        writer.WriteOptionalLong(_hardBounceTicks);
        writer.WriteInt(_hardBounces);
        writer.WriteInt(_softBounces);
        writer.WriteOptionalLong(_complaintTicks);
        writer.WriteInt(_complaints);
        Engagement.Write(writer);

        Ledger.Write(writer);
        writer.WriteInt(CartAdds.Count);
        foreach (var add in CartAdds.Items())
        {
            writer.WriteLong(add.Ticks);
        }

        Browsing.Write(writer);
        Sessions.Write(writer);
        Orders.Write(writer);
        (_timeline ?? EventTimeline.Empty).Write(writer);
    }

    /// <summary>Reads a snapshot of format <paramref name="version"/> (see <see cref="CustomerProfileSerializer.FormatVersion"/>).</summary>
    internal static CustomerProfile Read(SnapshotReader reader, byte version)
    {
        var profile = new CustomerProfile
        {
            _latestKey = reader.ReadOptionalKey(),
            _firstSeenTicks = reader.ReadOptionalLong(),
            _lastActivityTicks = reader.ReadOptionalLong(),
            _messageIds = NonEmpty(MessageIdWindow.Read(reader)),
            _tally = NonEmpty(EventTally.Read(reader)),
            _userId = reader.ReadOptionalString(),
            _userIdStamp = reader.ReadOptionalKey(),
        };

        var anonymousIds = reader.ReadCount();
        for (var i = 0; i < anonymousIds; i++)
        {
            (profile._anonymousIds ??= new(StringComparer.Ordinal)).Add(reader.ReadString());
        }

        profile._traits = NonEmpty(TraitStore.Read(reader));
        var consent = reader.ReadByte();
        if (consent > (byte)ConsentStatus.Unsubscribed)
        {
            throw new FormatException("The snapshot holds an unknown consent status.");
        }

        profile._consentStatus = (ConsentStatus)consent;
        profile._consentSource = reader.ReadOptionalSharedString();
        profile._consentStamp = reader.ReadOptionalKey();
        profile._hardBounceTicks = reader.ReadOptionalLong();
        profile._hardBounces = reader.ReadInt();
        profile._softBounces = reader.ReadInt();
        profile._complaintTicks = reader.ReadOptionalLong();
        profile._complaints = reader.ReadInt();
        profile._engagement = NonEmpty(EngagementState.Read(reader));

        profile._cart = NonEmpty(CartLedger.Read(reader));
        var adds = reader.ReadCount();
        for (var i = 0; i < adds; i++)
        {
            (profile._cartAdds ??= new()).Add(new TickEntry(reader.ReadLong()));
        }

        profile._browsing = NonEmpty(BrowsingState.Read(reader));
        profile._sessions = NonEmpty(SessionTracker.Read(reader));
        profile._orders = NonEmpty(OrderBook.Read(reader));
        profile._timeline = version >= 2 ? NonEmpty(EventTimeline.Read(reader, setsByNumber: version >= 3)) : null;
        profile.Prune();
        return profile;
    }

    /// <summary>A part read back, or null when it holds nothing (a profile allocates its parts as entries arrive).</summary>
    private static T? NonEmpty<T>(T part)
        where T : class, IProfilePart<T> => part.IsEmpty ? null : part;
}
