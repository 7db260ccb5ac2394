using Microsoft.Extensions.Options;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Views;
using Segmentation.Grains.Indexing;
using Segmentation.Grains.Rfm;
using Segmentation.Grains.Segments;
using Segmentation.Grains.Triggers;
using Segmentation.Runtime;
using Segmentation.Tracking;

namespace Segmentation.Grains.Customers;

/// <summary>
/// One customer: a log-fed grain whose state is the live profile. Tracking calls are applied in log order; a
/// known customer that sees an anonymous id (identify with both ids, or alias) claims it, and the anonymous
/// profile merges its history in and forwards later events. Changes of RFM input and email go to their shards.
/// After every record the customer's segments are evaluated (see <c>CustomerGrain.Segments.cs</c>), then its
/// triggers (see <c>CustomerGrain.Triggers.cs</c>).
/// </summary>
[GrainType("customer")]
public sealed partial class CustomerGrain(
    RfmCutPointsCache cutPoints, IOptions<CustomerProfileOptions> options, SegmentDefinitionsCache definitions, TriggerSettingsCache triggerSettings)
    : Grain, IDurableGrain, IRemindable
{
    private CustomerGrainState _state = new();

    public static GrainId IdOf(string customerId) => new("customer", customerId);

    public async ValueTask ApplyAsync(LogRecord record, CancellationToken cancellationToken)
    {
        Register(record.Time);
        NextSegmentSequence(record);
        var trigger = new SegmentTrigger(record.Time, record.Kind);
        switch (record.Kind)
        {
            case RecordKinds.Tracking:
                if (ApplyTracking(record) is { } message)
                {
                    trigger = SegmentTrigger.Of(message);
                }

                break;
            case RecordKinds.Link:
                ApplyLink(record);
                break;
            case RecordKinds.Merge:
                ApplyMerge(record);
                break;
            case RecordKinds.SegmentEvaluate:
                await ApplySegmentEvaluateAsync(record);
                return;
            default:
                throw new InvalidOperationException($"A customer does not take records of kind '{record.Kind}'.");
        }

        PublishChanges(record);
        await EvaluateSegmentsAsync(trigger);
    }

    public async ValueTask<CustomerLookup> LookupAsync()
    {
        await definitions.EnsureLoadedAsync();
        var profile = _state.Profile;
        var view = profile.IsEmpty
            ? null
            : CustomerProfileViewBuilder.Build(profile, TimeProvider.GetUtcNow(), cutPoints.Current, options.Value.Lifecycle);
        return new CustomerLookup(GrainId.Key, !profile.IsEmpty, _state.MergedInto, view, CurrentSegments(), _state.SegmentReminderAt);
    }

    /// <summary>The ids whose profiles were merged into this customer (anonymous ids it claimed), in ordinal order.</summary>
    public ValueTask<IReadOnlyList<string>> GetMergedSourcesAsync() =>
        ValueTask.FromResult<IReadOnlyList<string>>([.. _state.MergedSources.Order(StringComparer.Ordinal)]);

    public byte[] WriteSnapshot() => CustomerGrainStateSerializer.Serialize(_state);

    public void ReadSnapshot(ReadOnlySpan<byte> snapshot)
    {
        _state = CustomerGrainStateSerializer.Deserialize(snapshot);
        _segmentMemo = default;
    }

    /// <summary>Applies a tracking call; null when it was forwarded to the customer this id was merged into.</summary>
    private TrackingMessage? ApplyTracking(LogRecord record)
    {
        if (_state.MergedInto is { } target)
        {
            // This anonymous id belongs to a known customer now: its events go there (deduped by message id).
            AppendDurable(new DurableMessage(IdOf(target), RecordKinds.Tracking, record.Payload, record.Time) { Body = record.Body });
            return null;
        }

        var message = record.Body as TrackingMessage ?? TrackingMessageSerializer.Deserialize(record.Payload);
        _state.Profile.Apply(message);
        _state.Triggers.Cart = _state.Triggers.Cart.After(message, _state.Profile.CartSummary);
        if (message.UserId == GrainId.Key)
        {
            Claim(message.AnonymousId, record.Time);
            if (message.Type == TrackingMessageType.Alias)
            {
                Claim(message.PreviousId, record.Time);
            }
        }

        return message;
    }

    private void Claim(string? anonymousId, DateTimeOffset time)
    {
        if (anonymousId is null || anonymousId == GrainId.Key || !_state.AddLinkedAnonymousId(anonymousId))
        {
            return;
        }

        AppendDurable(new DurableMessage(IdOf(anonymousId), RecordKinds.Link, System.Text.Encoding.UTF8.GetBytes(GrainId.Key), time));
    }

    private void ApplyLink(LogRecord record)
    {
        var target = System.Text.Encoding.UTF8.GetString(record.Payload);
        if (_state.MergedInto is not null || target == GrainId.Key)
        {
            return;
        }

        _state.MergedInto = target;
        if (!_state.Profile.IsEmpty)
        {
            var profile = CustomerProfileSerializer.Serialize(_state.Profile);
            AppendDurable(new DurableMessage(IdOf(target), RecordKinds.Merge, MergePayload.Encode(GrainId.Key, profile), record.Time));
            _state.Profile = new CustomerProfile();
        }
    }

    private void ApplyMerge(LogRecord record)
    {
        var (source, profile) = MergePayload.Decode(record.Payload);
        if (_state.AddMergedSource(source))
        {
            _state.Profile.MergeFrom(CustomerProfileSerializer.Deserialize(profile.Span));
        }
    }

    private void PublishChanges(LogRecord record)
    {
        var merged = _state.MergedInto is not null;
        var rfm = merged ? null : _state.Profile.GetRfmInput();
        if (rfm != _state.ReportedRfm)
        {
            _state.ReportedRfm = rfm;
            var update = new RfmUpdate(GrainId.Key, record.Offset, rfm);
            AppendDurable(new DurableMessage(RfmShardGrain.IdOf(Shards.For(GrainId.Key)), RecordKinds.RfmUpdate, update.Encode(), record.Time));
        }

        var email = merged ? null : EmailUpdate.Normalize(_state.Profile.Email);
        if (email != _state.ReportedEmail)
        {
            if (_state.ReportedEmail is { } previous)
            {
                SendEmailUpdate(new EmailUpdate(GrainId.Key, record.Offset, previous, Present: false), record.Time);
            }

            if (email is not null)
            {
                SendEmailUpdate(new EmailUpdate(GrainId.Key, record.Offset, email, Present: true), record.Time);
            }

            _state.ReportedEmail = email;
        }
    }

    private void SendEmailUpdate(EmailUpdate update, DateTimeOffset time) =>
        AppendDurable(new DurableMessage(EmailIndexGrain.IdOf(Shards.For(update.Email)), RecordKinds.EmailUpdate, update.Encode(), time));
}
